#pragma once
// A grant in words, for `whoami`, `accounts show` and the audit log: «class 5А»,
// «Математика in 5А», «child Ёлкин Пётр», «school Школа № 1», «all schools».
#include <string>

#include "domain/access.h"
#include "store/database.h"

namespace schoolctl::app {

std::string describe_scope(store::Database& db, const domain::Grant& grant);

}  // namespace schoolctl::app
