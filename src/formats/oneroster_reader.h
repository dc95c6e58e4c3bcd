#pragma once
// Reads a OneRoster 1.1 or 1.2 CSV bundle and checks it against the spec: the manifest, every
// header, every value, and the references between the files. Problems are collected, not
// thrown, so that one run lists everything a school's export got wrong.
#include "formats/oneroster_bundle.h"
#include "formats/oneroster_source.h"

#include <filesystem>

namespace schoolctl::formats {

// Throws only when there is no bundle to check: Error(data) when the source has no
// manifest.csv, or its manifest cannot be read or names no version this reader knows (1.1, 1.2);
// the source's own errors (io) pass through. Everything else is in bundle.problems:
// - manifest: manifest.version 1.0; a file.NAME entry (bulk, delta or absent) for each data
//   file read here, consistent with the files present;
// - headers: the spec's columns, case-sensitive, in order, extension columns (metadata.*) after;
// - rows: RFC 4180, UTF-8, as many fields as the header; required values; status and
//   dateLastModified blank in bulk files, set in delta files; dates, years, booleans and
//   vocabularies; unique sourcedIds; start not after end;
// - references: every sourcedId a record names exists in its file (bulk files only).
// Files the spec has but schoolctl does not use (gradebook, resources) are listed in the
// manifest check and otherwise not read.
OneRosterBundle read_oneroster(const BundleSource& source);

// A bundle unpacked in a folder. Error(no_input) when the folder does not exist.
OneRosterBundle read_oneroster_folder(const std::filesystem::path& folder);

} // namespace schoolctl::formats
