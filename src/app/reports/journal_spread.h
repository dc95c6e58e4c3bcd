#pragma once
// `schoolctl report journal-page`: the classroom journal's spread for a subject and a class (or
// one of its groups) over a period or dates — on the left page the pupils down and the lesson
// dates across, with the marks and «н»; on the facing page each lesson's date, topic and
// homework.
#include <optional>
#include <string>

#include "app/reports/report_scope.h"
#include "app/session.h"
#include "report/document.h"

namespace schoolctl::app {

struct JournalSpreadRequest {
    std::string subject;               // code or name
    std::optional<std::string> group;  // one of the class's groups, for a subject split in groups
};

// The scope must name one class (--class). Exit 65 for an unknown subject or group, and for a
// subject the class has only in groups when no --group is given (naming the groups).
report::Document build_journal_spread(Session& session, const ReportScope& scope,
                                      const JournalSpreadRequest& request);

}  // namespace schoolctl::app
