#include "app/export/oneroster_ids.h"

namespace schoolctl::app {
namespace {

std::string person_id(const store::PersonFields& person, const char* kind, std::int64_t id) {
    if (person.external_id && !person.external_id->empty()) {
        return *person.external_id;
    }
    return std::string(kind) + "." + std::to_string(id);
}

} // namespace

std::string id_part(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                     c == '-' || byte >= 0x80; // UTF-8 letters stay readable
        if (plain) {
            out += c;
        } else {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0xFu];
        }
    }
    return out;
}

OneRosterIds::OneRosterIds(const RosterSnapshot& r)
    : org_(r.school.external_id.empty() ? "school." + std::to_string(r.school.id)
                                        : r.school.external_id),
      // The years, not the name: "2026/27" and "2026-2027" name the same year.
      year_key_(r.year.start_date.substr(0, 4) + "-" + r.year.end_date.substr(0, 4)),
      year_("year." + year_key_) {}

std::string OneRosterIds::subject(const store::SubjectRow& s) const {
    return "subject." + id_part(s.code);
}

std::string OneRosterIds::class_of(const store::ClassRow& c) const {
    return "class." + year_key_ + "." + id_part(c.name());
}

std::string OneRosterIds::group(const store::RosterGroup& g) const {
    return "group." + year_key_ + "." + id_part(g.name);
}

std::string OneRosterIds::section(const std::string& taught_id, const store::SubjectRow& s) const {
    return taught_id + "." + id_part(s.code);
}

std::string OneRosterIds::enrollment(const std::string& class_id,
                                     const std::string& user_id) const {
    return class_id + "." + id_part(user_id);
}

std::string OneRosterIds::pupil(const store::RosterPupil& p) const {
    return person_id(p.person, "pupil", p.person_id);
}

std::string OneRosterIds::staff(const store::StaffRow& s) const {
    return person_id(s.person, "staff", s.person_id);
}

std::string OneRosterIds::guardian(const store::RosterGuardian& g) const {
    return person_id(g.person, "guardian", g.person_id);
}

} // namespace schoolctl::app
