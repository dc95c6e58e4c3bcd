#pragma once
// The sourcedIds of a roster's OneRoster records (the scheme is in oneroster_mapping.h).
#include "app/export/roster_snapshot.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace schoolctl::app {

// "5А англ. 1" -> "5А%20англ%2E%201": a name made safe as one part of a sourcedId.
std::string id_part(std::string_view text);

class OneRosterIds {
  public:
    explicit OneRosterIds(const RosterSnapshot& roster);

    const std::string& org() const { return org_; }
    const std::string& year() const { return year_; }
    std::string homeroom_course() const { return "homeroom." + year_key_; }
    std::string groups_course() const { return "groups." + year_key_; }
    std::string subject(const store::SubjectRow& subject) const;
    std::string class_of(const store::ClassRow& klass) const;
    std::string group(const store::RosterGroup& group) const;
    // The class of one subject taught to a class or a group: "<class or group id>.<code>".
    std::string section(const std::string& taught_id, const store::SubjectRow& subject) const;
    std::string enrollment(const std::string& class_id, const std::string& user_id) const;

    std::string pupil(const store::RosterPupil& pupil) const;
    std::string staff(const store::StaffRow& staff) const;
    std::string guardian(const store::RosterGuardian& guardian) const;

  private:
    std::string org_;
    std::string year_key_; // "2026-2027"
    std::string year_;
};

} // namespace schoolctl::app
