#pragma once
// `schoolctl health`: a pupil's health group and physical-education group — health data, a
// special category under 152-ФЗ, kept and given out only while a guardian's written consent
// to health data holds (`schoolctl consent record --kind health`).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/report_delivery.h"
#include "app/session.h"
#include "report/document.h"

namespace schoolctl::app {

struct HealthRequest {
    std::string pupil;                       // id, login or full name
    std::optional<std::string> health_group;  // I..V or 1..5
    std::optional<std::string> pe_group;      // основная, подготовительная, ...
    std::optional<std::string> note;
};

struct HealthSaved {
    std::string pupil;  // «Абрамова Дарья Евгеньевна»
    bool created = false;
    bool changed = false;
};

// Permission roster.write on the pupil. Exit 64 for nothing to set, or a group that is not
// one; 65 when no guardian's consent to health data holds today (naming how to record it).
// Fields not given keep their values. Audited (health.set) with the fields changed, never
// their values: the audit log is read more widely than health data may be.
HealthSaved set_health(Session& session, const HealthRequest& request);

// Permission roster.write on the pupil. Returns whether there was a record. Audited.
bool remove_health(Session& session, const std::string& pupil);

// Permission roster.read on the school or the class. Only the records whose consent holds
// today; a note counts those left out (their consent was revoked or their guardian unlinked).
// Audited (health.list) with the row count: reading health data is recorded.
report::Document list_health(Session& session, const std::optional<std::string>& klass);

// Permission data.export: the records written to a file. Refused (exit 65, nothing written)
// when the consent of any record in it does not hold today, naming the pupils. Audited with
// its row count like every export. Returns the path written.
std::string export_health(Session& session, const std::optional<std::string>& klass,
                          const ReportDestination& destination, std::ostream& stdout_stream);

// After a consent to health data was revoked or a guardian unlinked: deletes the records of
// those of `pupils` no consent covers any more, audited with `reason`. In the caller's
// transaction. Returns how many were deleted.
std::size_t drop_health_without_consent(Session& session, const std::vector<std::int64_t>& pupils,
                                        const std::string& reason);

}  // namespace schoolctl::app
