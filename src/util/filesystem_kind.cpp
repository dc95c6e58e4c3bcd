#include "util/filesystem_kind.h"

#include <sys/vfs.h>

namespace schoolctl {

std::optional<std::string> network_filesystem_name(long f_type) {
    switch (static_cast<unsigned long>(f_type) & 0xFFFFFFFFUL) {
    case 0x6969UL:
        return "NFS";
    case 0x517BUL:
    case 0xFE534D42UL:
    case 0xFF534D42UL:
        return "SMB/CIFS";
    case 0x564CUL:
        return "NCP";
    case 0x73757245UL:
        return "Coda";
    case 0x5346414FUL:
        return "AFS";
    case 0x00C36400UL:
        return "Ceph";
    case 0x01021997UL:
        return "9P";
    case 0x0BD00BD0UL:
        return "Lustre";
    case 0x01161970UL:
        return "GFS2";
    case 0x7461636FUL:
        return "OCFS2";
    case 0x65735546UL:
        return "FUSE (sshfs and the like)";
    default:
        return std::nullopt;
    }
}

std::optional<std::string> network_filesystem(const std::filesystem::path& path) {
    std::filesystem::path probe = path;
    std::error_code ec;
    if (!std::filesystem::exists(probe, ec)) {
        probe = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    }
    struct statfs info {};
    if (::statfs(probe.c_str(), &info) != 0) {
        return std::nullopt;
    }
    return network_filesystem_name(static_cast<long>(info.f_type));
}

}  // namespace schoolctl
