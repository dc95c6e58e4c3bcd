#pragma once
// How a district's pupils are shared among its schools: schools of varying size, as in a real
// district (the largest about four times the smallest), each with its own number.
#include "app/sample/random.h"

#include <vector>

namespace schoolctl::app::sample {

struct SchoolShare {
    int number = 0; // «ГБОУ Школа № 1517»: distinct in the district, 1 … 2500
    int pupils = 0;
};

// `pupils` in all (≥ schools), no school above `most`. Each school's weight is drawn from
// 40 … 160 and the pupils are shared in proportion (largest remainders first); numbers are
// distinct and ascend with the school's position.
std::vector<SchoolShare> share_district(Random& rng, int pupils, int schools, int most);

} // namespace schoolctl::app::sample
