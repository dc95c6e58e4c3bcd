#pragma once
// SanPiN load limits (СанПиН 1.2.3685-21), in academic hours: the most lessons a class may have
// in a week, by grade and week length, and in a day, by grade.
//   weekly, 5-day / 6-day: 1: 21 / —; 2–4: 23 / 26; 5: 29 / 32; 6: 30 / 33; 7: 32 / 35;
//                          8–9: 33 / 36; 10–11: 34 / 37
//   daily: 1st grade 4 (5 once a week, with PE); 2–4: 5 (6 with PE); 5–6: 6; 7–11: 7.
namespace schoolctl::domain {

// 0 for a grade outside 1–11.
int weekly_lesson_limit(int grade, int days_per_week);

// With `has_pe`, the day may have one lesson more in grades 1–4.
int daily_lesson_limit(int grade, bool has_pe);

}  // namespace schoolctl::domain
