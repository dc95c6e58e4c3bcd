#pragma once
// libsodium, in one place: random secrets, Argon2id password hashes, SHA-256 and token hashes.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace schoolctl::crypto {

// A random secret for people to type: `groups` groups of 4 characters from an alphabet
// without 0/O/1/l/I, joined by '-'. Each character carries 5 bits.
std::string random_code(int groups);

// A random token for machines: 32 bytes, hex, prefixed "sct_" so it is recognisable in leaks.
std::string random_token();

// 128 random bits, hex: salts a hash of low-entropy text (names) so it cannot be matched
// against guesses once the salt is gone.
std::string random_salt();

// Argon2id (crypto_pwhash_str) with the OWASP minimum or stronger: opslimit 2, memlimit 19 MiB.
std::string hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);

// Tokens carry 256 random bits, so a fast keyless hash suffices to store them (unlike
// passwords, they cannot be guessed): BLAKE2b-256, hex.
std::string token_hash(std::string_view token);

std::string sha256_hex(std::string_view data);

// SHA-256 of data that arrives in pieces (a file read in chunks).
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view data);
    std::string hex_digest();  // once; the state is spent afterwards

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace schoolctl::crypto
