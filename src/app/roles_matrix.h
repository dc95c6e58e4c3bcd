#pragma once
// The permission matrix of domain/permissions.cpp as a document: what `schoolctl roles show`
// prints, from the same data the checks use, so the printed model cannot drift from the code.
#include "report/document.h"

namespace schoolctl::app {

// One row per permission, one column per role: "yes" where the role has it.
report::Document roles_matrix();

}  // namespace schoolctl::app
