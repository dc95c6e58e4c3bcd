#include "domain/login_name.h"

#include <memory>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "util/error.h"

namespace schoolctl::domain {
namespace {

// One transliterator per thread: ICU's transliterate() is not safe to share between threads.
icu::Transliterator& romaniser() {
    thread_local std::unique_ptr<icu::Transliterator> t = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
            "Russian-Latin/BGN; Latin-ASCII; Lower", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !made) {
            throw Error(ExitCode::failure,
                        std::string("cannot load the Russian-Latin/BGN transliteration from "
                                    "ICU: ") +
                            u_errorName(status));
        }
        return made;
    }();
    return *t;
}

// The romanised part with only [a-z0-9-] kept, and no hyphen at either end.
std::string romanise(const std::string& part) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(part);
    romaniser().transliterate(u);
    std::string latin;
    u.toUTF8String(latin);
    std::string out;
    for (char c : latin) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    (c == '-' && !out.empty() && out.back() != '-');
        if (keep) {
            out += c;
        }
    }
    while (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    return out;
}

}  // namespace

std::string login_base(const PersonName& name) {
    std::string last = romanise(name.last);
    std::string first = romanise(name.first);
    if (last.empty() || first.empty()) {
        std::string one = last.empty() ? first : last;
        return one.empty() ? "user" : one;
    }
    return last + "." + first;
}

std::string unique_login(const std::string& base,
                         const std::function<bool(const std::string&)>& taken) {
    if (!taken(base)) {
        return base;
    }
    for (int n = 2;; ++n) {
        std::string candidate = base + std::to_string(n);
        if (!taken(candidate)) {
            return candidate;
        }
    }
}

}  // namespace schoolctl::domain
