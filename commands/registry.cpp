#include "commands/registry.h"

#include "commands/accounts.h"
#include "commands/attendance.h"
#include "commands/audit.h"
#include "commands/calendar.h"
#include "commands/completion.h"
#include "commands/config.h"
#include "commands/db.h"
#include "commands/diary.h"
#include "commands/export.h"
#include "commands/finals.h"
#include "commands/consent.h"
#include "commands/guardians.h"
#include "commands/health.h"
#include "commands/import.h"
#include "commands/init.h"
#include "commands/lesson.h"
#include "commands/login.h"
#include "commands/marks.h"
#include "commands/purge.h"
#include "commands/logout.h"
#include "commands/report.h"
#include "commands/roles.h"
#include "commands/sample.h"
#include "commands/schedule.h"
#include "commands/token.h"
#include "commands/whoami.h"

namespace schoolctl::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
    std::vector<std::unique_ptr<Command>> all;
    all.push_back(std::make_unique<InitCommand>());
    all.push_back(std::make_unique<LoginCommand>());
    all.push_back(std::make_unique<LogoutCommand>());
    all.push_back(std::make_unique<WhoamiCommand>());
    all.push_back(std::make_unique<TokenCommand>());
    all.push_back(std::make_unique<AccountsCommand>());
    all.push_back(std::make_unique<RolesCommand>());
    all.push_back(std::make_unique<ImportCommand>());
    all.push_back(std::make_unique<CalendarCommand>());
    all.push_back(std::make_unique<ScheduleCommand>());
    all.push_back(std::make_unique<MarksCommand>());
    all.push_back(std::make_unique<AttendanceCommand>());
    all.push_back(std::make_unique<LessonCommand>());
    all.push_back(std::make_unique<FinalsCommand>());
    all.push_back(std::make_unique<DiaryCommand>());
    all.push_back(std::make_unique<ExportCommand>());
    all.push_back(std::make_unique<GuardiansCommand>());
    all.push_back(std::make_unique<ConsentCommand>());
    all.push_back(std::make_unique<HealthCommand>());
    all.push_back(std::make_unique<PurgeCommand>());
    all.push_back(std::make_unique<ReportCommand>());
    all.push_back(std::make_unique<AuditCommand>());
    all.push_back(std::make_unique<DbCommand>());
    all.push_back(std::make_unique<ConfigCommand>());
    all.push_back(std::make_unique<SampleCommand>());
    all.push_back(std::make_unique<CompletionCommand>());
    return all;
}

}  // namespace schoolctl::cli
