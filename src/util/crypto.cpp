#include "util/crypto.h"

#include <sodium.h>

#include <array>
#include <stdexcept>

#include "util/error.h"

namespace schoolctl::crypto {
namespace {

void ensure_init() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) {
        throw Error(ExitCode::failure, "libsodium could not be initialised");
    }
}

std::string to_hex(const unsigned char* data, std::size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}

constexpr unsigned long long argon_ops = 2;
constexpr std::size_t argon_mem = 19 * 1024 * 1024;

}  // namespace

std::string random_code(int groups) {
    ensure_init();
    // 32 symbols: no 0, O, 1, l, I; upper-case only so it reads aloud unambiguously.
    static constexpr std::string_view alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    std::string out;
    for (int g = 0; g < groups; ++g) {
        if (g > 0) {
            out += '-';
        }
        for (int i = 0; i < 4; ++i) {
            out += alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
        }
    }
    return out;
}

std::string random_token() {
    ensure_init();
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return "sct_" + to_hex(bytes.data(), bytes.size());
}

std::string random_salt() {
    ensure_init();
    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return to_hex(bytes.data(), bytes.size());
}

std::string hash_password(std::string_view password) {
    ensure_init();
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str(out.data(), password.data(), password.size(), argon_ops, argon_mem) !=
        0) {
        throw Error(ExitCode::failure, "out of memory while hashing a password");
    }
    return out.data();
}

bool verify_password(const std::string& hash, std::string_view password) {
    ensure_init();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string token_hash(std::string_view token) {
    ensure_init();
    std::array<unsigned char, 32> out{};
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(token.data()),
                       token.size(), nullptr, 0);
    return to_hex(out.data(), out.size());
}

std::string sha256_hex(std::string_view data) {
    ensure_init();
    std::array<unsigned char, crypto_hash_sha256_BYTES> out{};
    crypto_hash_sha256(out.data(), reinterpret_cast<const unsigned char*>(data.data()),
                       data.size());
    return to_hex(out.data(), out.size());
}

struct Sha256::State {
    crypto_hash_sha256_state sha{};
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
    ensure_init();
    crypto_hash_sha256_init(&state_->sha);
}

Sha256::~Sha256() = default;

void Sha256::update(std::string_view data) {
    crypto_hash_sha256_update(&state_->sha, reinterpret_cast<const unsigned char*>(data.data()),
                              data.size());
}

std::string Sha256::hex_digest() {
    std::array<unsigned char, crypto_hash_sha256_BYTES> out{};
    crypto_hash_sha256_final(&state_->sha, out.data());
    return to_hex(out.data(), out.size());
}

}  // namespace schoolctl::crypto
