#include "app/roles_matrix.h"

#include "domain/permissions.h"
#include "report/listing.h"

namespace schoolctl::app {

report::Document roles_matrix() {
    std::vector<report::Column> columns = {{"permission", 18}};
    for (domain::Role role : domain::all_roles()) {
        columns.push_back({std::string(domain::to_string(role)), 8, report::Align::center});
    }
    report::Document doc = report::listing("roles", "Roles and permissions", std::move(columns));
    for (domain::Permission p : domain::all_permissions()) {
        std::vector<report::Cell> row = {std::string(domain::to_string(p))};
        for (domain::Role role : domain::all_roles()) {
            auto reach = domain::reach(role, p);
            row.emplace_back(reach ? std::string(domain::to_string(*reach)) : std::string());
        }
        report::listing_rows(doc).push_back(std::move(row));
    }
    return doc;
}

}  // namespace schoolctl::app
