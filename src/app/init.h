#pragma once
// `schoolctl init`: a new database, the school and its calendar from config, the first
// administrator.
#include <filesystem>
#include <string>

#include "domain/settings.h"

namespace schoolctl::app {

struct InitResult {
    std::filesystem::path db_path;
    std::string school_name;
    std::string year_name;
    std::string admin_login;
    std::string one_time_password;  // shown once; only its Argon2id hash is stored
};

InitResult init_database(const std::filesystem::path& db_path, const domain::Settings& settings);

}  // namespace schoolctl::app
