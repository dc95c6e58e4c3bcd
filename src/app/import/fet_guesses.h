#pragma once
// Guesses at what a FET name the roster does not know stands for, for the list of such names
// (app/import/fet_names.h): FET files shorten names their own way — «Иванова М.П.» for
// «Иванова Мария Петровна», «5А-1» for «5А англ. 1», «ОДНКНР» for «Основы
// духовно-нравственной культуры народов России», «каб. 101» for «101» — and a deputy head
// writing the mapping wants the roster's spelling next to FET's.
#include <string>
#include <vector>

#include "app/import/fet_names.h"

namespace schoolctl::app {

// Each returns the roster's names that `fet_name` most likely means, as the mapping would
// name them («Иванова Мария Петровна (T-0007)», «Основы … России (ODNKNR)», «5А англ. 1»,
// «101»); none when nothing is close.
std::vector<std::string> guess_teacher(const std::string& fet_name, const RosterNames& roster);
std::vector<std::string> guess_subject(const std::string& fet_name, const RosterNames& roster);
std::vector<std::string> guess_students(const std::string& fet_name, const RosterNames& roster);
std::vector<std::string> guess_room(const std::string& fet_name, const RosterNames& roster);

}  // namespace schoolctl::app
