#pragma once
// Russian alphabetical order, from ICU: ё sorts with е (byte order would put Ё before А, and
// the machines have no ru_RU glibc locale, so strcoll is no use). Latin names come after
// Cyrillic ones.
#include "domain/person_name.h"

#include <memory>
#include <string>
#include <string_view>
#include <unicode/uversion.h>

// `icu` is an alias of a versioned namespace, so the forward declaration goes through ICU's macros.
U_NAMESPACE_BEGIN
class Collator;
U_NAMESPACE_END

namespace schoolctl::domain {

class RussianCollator {
  public:
    // Throws schoolctl::Error (ExitCode::failure) when ICU has no collation data.
    RussianCollator();
    ~RussianCollator();
    RussianCollator(RussianCollator&&) noexcept;
    RussianCollator& operator=(RussianCollator&&) noexcept;

    // <0, 0, >0 like strcmp. Case and ё only decide between otherwise equal strings
    // («Елка» < «Ёлка» < «Елкин»).
    int compare(std::string_view a, std::string_view b) const;
    bool less(std::string_view a, std::string_view b) const { return compare(a, b) < 0; }

    // Bytes whose plain byte order is the collation order: for sorting many rows, or an ORDER BY
    // on a stored column.
    std::string sort_key(std::string_view text) const;

    // One shared instance; its const members are safe to call from several threads.
    static const RussianCollator& instance();

  private:
    std::unique_ptr<icu::Collator> collator_;
};

// By surname, then first name, then patronymic (a missing patronymic comes first).
int compare_names(const PersonName& a, const PersonName& b);

} // namespace schoolctl::domain
