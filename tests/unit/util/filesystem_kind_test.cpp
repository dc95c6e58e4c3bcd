#include "util/filesystem_kind.h"

#include <catch2/catch.hpp>

using schoolctl::network_filesystem;
using schoolctl::network_filesystem_name;

TEST_CASE("network file systems are told from local ones by statfs's type", "[util]") {
    CHECK(network_filesystem_name(0x6969) == "NFS");
    CHECK(network_filesystem_name(0xFF534D42L) == "SMB/CIFS");
    CHECK(network_filesystem_name(0x517B) == "SMB/CIFS");
    CHECK(network_filesystem_name(0x65735546) == "FUSE (sshfs and the like)");
    CHECK_FALSE(network_filesystem_name(0xEF53));      // ext4
    CHECK_FALSE(network_filesystem_name(0x58465342));  // XFS
    CHECK_FALSE(network_filesystem_name(0x01021994));  // tmpfs
    // This machine's temporary directory is local.
    CHECK_FALSE(network_filesystem(std::filesystem::temp_directory_path() / "no-such.db"));
}
