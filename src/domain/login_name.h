#pragma once
// Logins made from a person's name: Latin, lower case, «фамилия.имя» transliterated by the BGN/PCGN
// romanisation of Russian (ICU "Russian-Latin/BGN", then folded to ASCII): Ёлкин Пётр ->
// yelkin.petr, Щукина Юлия -> shchukina.yuliya. BGN is what ICU ships, so the rule is one
// well-known table rather than code of our own; ГОСТ 7.79 would give elkin.petr.
#include <functional>
#include <string>

#include "domain/person_name.h"

namespace schoolctl::domain {

// "ivanov.petr"; letters, digits and the hyphen of a double name survive, everything else
// (soft and hard signs, apostrophes, spaces) is dropped. "user" when nothing Latin is left.
std::string login_base(const PersonName& name);

// `base`, else base2, base3, ... : the first that `taken` says is free.
std::string unique_login(const std::string& base,
                         const std::function<bool(const std::string&)>& taken);

}  // namespace schoolctl::domain
