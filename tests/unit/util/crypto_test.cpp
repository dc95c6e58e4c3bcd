#include "util/crypto.h"

#include <catch2/catch.hpp>
#include <regex>
#include <set>

using namespace schoolctl;

TEST_CASE("one-time codes avoid look-alike characters", "[util][crypto]") {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        std::string code = crypto::random_code(4);
        CHECK(std::regex_match(code, std::regex("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}")));
        seen.insert(code);
    }
    CHECK(seen.size() == 200);
}

TEST_CASE("passwords verify only against their own Argon2id hash", "[util][crypto]") {
    std::string hash = crypto::hash_password("correct-horse-battery");
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("m=19456,t=2") != std::string::npos);
    CHECK(crypto::verify_password(hash, "correct-horse-battery"));
    CHECK_FALSE(crypto::verify_password(hash, "correct-horse-batterY"));
}

TEST_CASE("tokens are long, random, and hashed stably", "[util][crypto]") {
    std::string a = crypto::random_token();
    std::string b = crypto::random_token();
    CHECK(a.size() == 4 + 64);
    CHECK(a != b);
    CHECK(crypto::token_hash(a) == crypto::token_hash(a));
    CHECK(crypto::token_hash(a) != crypto::token_hash(b));
    CHECK(crypto::sha256_hex("abc") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("SHA-256 in pieces equals SHA-256 at once", "[util][crypto]") {
    std::string data(300000, 'x');
    data += "Ёлкин Пётр";
    crypto::Sha256 pieces;
    for (std::size_t i = 0; i < data.size(); i += 65536) {
        pieces.update(std::string_view(data).substr(i, 65536));
    }
    CHECK(pieces.hex_digest() == crypto::sha256_hex(data));
}
