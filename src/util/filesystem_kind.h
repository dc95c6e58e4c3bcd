#pragma once
// Whether a path lies on a file system shared over a network. SQLite's write-ahead log keeps
// its index in shared memory and relies on POSIX locks that NFS, SMB and their kin do not
// provide reliably across machines: two jobs on two machines can corrupt the database there.
#include <filesystem>
#include <optional>
#include <string>

namespace schoolctl {

// The network file system's name ("NFS", "SMB/CIFS", …) for statfs(2)'s f_type, or nothing
// for a local one. FUSE is named too: sshfs and most other FUSE file systems are remote.
std::optional<std::string> network_filesystem_name(long f_type);

// The same for the file system holding `path` (its directory when the file does not exist
// yet); nothing when it cannot be told.
std::optional<std::string> network_filesystem(const std::filesystem::path& path);

}  // namespace schoolctl
