#pragma once
// The roster as a OneRoster bundle (schoolctl-export(1) documents the mapping):
//   the school         -> one org of type school
//   the academic year  -> one academicSession of type schoolYear
//   subjects           -> courses; classes and groups have a course each per year of their own
//   a class (5А)       -> a homeroom class: its pupils, and its class teacher as teacher
//   a group            -> a scheduled class: its members
//   who teaches what   -> a scheduled class per class or group and subject, with the course of
//                         the subject, the teachers and the pupils of that class or group
//   pupils, staff, guardians -> users with role student, teacher, guardian; a pupil's agents
//                         are their guardians and a guardian's their children; birth dates go
//                         to demographics.
// sourcedIds: a person's external id when they have one; everything else gets an id made from
// what it is, stable from one export to the next: "year.2026-2027", "class.2026-2027.5А",
// "class.2026-2027.5А.MATH", "subject.MATH", "pupil.17". Parts made from names are
// percent-encoded outside ASCII letters, digits and '-' (Cyrillic is kept), so '.' separates
// parts unambiguously.
#include "app/export/roster_snapshot.h"
#include "formats/oneroster_bundle.h"

namespace schoolctl::app {

// Error(data) when two users would share a sourcedId (an id used by two people).
formats::OneRosterBundle oneroster_bundle(const RosterSnapshot& roster,
                                          formats::OneRosterVersion version);

} // namespace schoolctl::app
