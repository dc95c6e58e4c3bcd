#pragma once
// The permission matrix of domain/permissions.cpp as a document: what `schoolctl roles show`
// prints, from the same data the checks use, so the printed model cannot drift from the code.
#include "report/document.h"

namespace schoolctl::app {

// One row per permission, one column per role: where the role has it, the level its grant is
// read at (child, subject, class, school); empty where it is denied.
report::Document roles_matrix();

}  // namespace schoolctl::app
