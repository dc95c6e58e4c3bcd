#include "domain/collation.h"

#include "util/error.h"

#include <cstdint>
#include <unicode/coll.h>
#include <unicode/unistr.h>
#include <vector>

namespace schoolctl::domain {

RussianCollator::RussianCollator() {
    UErrorCode status = U_ZERO_ERROR;
    collator_.reset(icu::Collator::createInstance(icu::Locale("ru", "RU"), status));
    if (U_FAILURE(status) || !collator_) {
        throw Error(ExitCode::failure, std::string("cannot load the Russian collation from ICU: ") +
                                           u_errorName(status));
    }
    // Compare text that is not in FCD form (marks out of canonical order) as its NFD too.
    collator_->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, status);
}

RussianCollator::~RussianCollator() = default;
RussianCollator::RussianCollator(RussianCollator&&) noexcept = default;
RussianCollator& RussianCollator::operator=(RussianCollator&&) noexcept = default;

int RussianCollator::compare(std::string_view a, std::string_view b) const {
    UErrorCode status = U_ZERO_ERROR;
    const UCollationResult r = collator_->compareUTF8(
        icu::StringPiece(a.data(), static_cast<std::int32_t>(a.size())),
        icu::StringPiece(b.data(), static_cast<std::int32_t>(b.size())), status);
    if (U_FAILURE(status)) {
        return a.compare(b);
    }
    return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

std::string RussianCollator::sort_key(std::string_view text) const {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
    std::vector<std::uint8_t> key(64);
    std::int32_t length =
        collator_->getSortKey(u, key.data(), static_cast<std::int32_t>(key.size()));
    if (static_cast<std::size_t>(length) > key.size()) {
        key.resize(static_cast<std::size_t>(length));
        length = collator_->getSortKey(u, key.data(), length);
    }
    // ICU ends the key with a NUL; leave it out so the key is ordinary bytes.
    const auto size = static_cast<std::size_t>(length > 0 ? length - 1 : 0);
    return std::string(key.begin(), key.begin() + static_cast<std::ptrdiff_t>(size));
}

const RussianCollator& RussianCollator::instance() {
    static const RussianCollator collator;
    return collator;
}

int compare_names(const PersonName& a, const PersonName& b) {
    const RussianCollator& c = RussianCollator::instance();
    if (int r = c.compare(a.last, b.last); r != 0) {
        return r;
    }
    if (int r = c.compare(a.first, b.first); r != 0) {
        return r;
    }
    return c.compare(a.middle, b.middle);
}

} // namespace schoolctl::domain
