#include "app/journal/pupil_select.h"

#include <algorithm>
#include <cctype>
#include <variant>
#include <vector>

#include "domain/class_name.h"
#include "domain/person_name.h"
#include "store/accounts.h"
#include "store/pupils.h"
#include "store/pupil_lookup.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

PupilRef ref_of(const store::PupilMatch& m) {
    return {m.person_id, domain::full_name(m.name), domain::short_name(m.name), m.class_name};
}

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = text.find(' ', i);
        if (end == std::string::npos) {
            end = text.size();
        }
        if (end > i) {
            out.push_back(text.substr(i, end - i));
        }
        i = end + 1;
    }
    return out;
}

std::string joined(const std::vector<std::string>& words, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        out += (i ? " " : "") + words[i];
    }
    return out;
}

bool starts_with_digit(const std::string& word) {
    return !word.empty() && std::isdigit(static_cast<unsigned char>(word.front()));
}

// A trailing class («5А», «5 А») split off the name; the name alone when there is none.
struct NameAndClass {
    std::string name;
    std::optional<domain::ClassName> klass;
};

NameAndClass split_class(const std::string& text) {
    auto words = words_of(text);
    if (words.size() >= 3 && starts_with_digit(words[words.size() - 2])) {
        auto parsed = domain::parse_class_name(words[words.size() - 2] + " " + words.back());
        if (auto* name = std::get_if<domain::ClassName>(&parsed)) {
            return {joined(words, words.size() - 2), *name};
        }
    }
    if (words.size() >= 2 && starts_with_digit(words.back())) {
        auto parsed = domain::parse_class_name(words.back());
        if (auto* reason = std::get_if<std::string>(&parsed)) {
            throw Error(ExitCode::data, "\"" + text + "\": class \"" + words.back() + "\": " +
                                            *reason);
        }
        return {joined(words, words.size() - 1), std::get<domain::ClassName>(parsed)};
    }
    return {text, std::nullopt};
}

std::string described(const store::PupilMatch& m) {
    std::string where = m.class_name.empty() ? "no class" : m.class_name;
    if (m.left_on) {
        where += ", left";
    }
    if (!m.external_id.empty()) {
        where += ", " + m.external_id;
    }
    return domain::full_name(m.name) + " (" + where + ")";
}

}  // namespace

PupilRef select_pupil(Session& session, const std::string& raw) {
    store::Database& db = session.db();
    std::int64_t school = session.school_id();
    std::string text = domain::normalise_spaces(raw);
    if (text.empty()) {
        throw Error(ExitCode::data, "no pupil given: name one by id, login or full name");
    }
    if (auto by_id = store::find_pupil_by_external_id(db, school, text)) {
        if (auto m = store::find_pupil_match(db, school, by_id->person_id)) {
            return ref_of(*m);
        }
    }
    if (auto account = store::find_account_by_login(db, domain::match_key(text))) {
        if (account->person_id) {
            if (auto m = store::find_pupil_match(db, school, *account->person_id)) {
                return ref_of(*m);
            }
        }
    }
    NameAndClass wanted = split_class(text);
    const std::string& name = wanted.name;
    const std::optional<domain::ClassName>& klass = wanted.klass;
    std::vector<store::PupilMatch> found;
    // One word would be a bare surname: too loose to pick a pupil by.
    if (words_of(name).size() >= 2) {
        found = store::find_pupils_by_name_start(db, school, domain::match_key(name));
    }
    std::vector<store::PupilMatch> named = found;
    if (klass) {
        std::erase_if(found, [&](const store::PupilMatch& m) {
            auto classes = store::pupil_class_names(db, m.person_id);
            return std::find(classes.begin(), classes.end(), klass->str()) == classes.end();
        });
    }
    // A namesake who left does not make a current pupil ambiguous.
    if (found.size() > 1 &&
        std::any_of(found.begin(), found.end(), [](const auto& m) { return !m.left_on; })) {
        std::erase_if(found, [](const store::PupilMatch& m) { return m.left_on.has_value(); });
    }
    if (found.size() == 1) {
        return ref_of(found.front());
    }
    if (found.size() > 1) {
        std::string list;
        for (const auto& m : found) {
            list += (list.empty() ? "" : "; ") + described(m);
        }
        throw Error(ExitCode::data, "\"" + text + "\": " + std::to_string(found.size()) +
                                        " pupils have this name: " + list +
                                        "; give the id, or add the class");
    }
    if (klass && !named.empty()) {
        std::string list;
        for (const auto& m : named) {
            list += (list.empty() ? "" : "; ") + described(m);
        }
        throw Error(ExitCode::data, "\"" + text + "\": no pupil of this name was ever in " +
                                        klass->str() + " (" + list + ")");
    }
    throw Error(ExitCode::data, "\"" + text +
                                    "\" is neither the id, the login nor the full name of a "
                                    "pupil of " + session.school_name());
}

}  // namespace schoolctl::app
