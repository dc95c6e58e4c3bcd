#include "formats/fet_reader.h"

#include "util/error.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <exception>
#include <expat.h>
#include <fstream>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>

namespace schoolctl::formats {
namespace {

constexpr std::size_t chunk_bytes = 64 * 1024;
// FET names and numbers are short; a longer text means a damaged or hostile file, which would
// otherwise be held in memory whole.
constexpr std::size_t max_text_bytes = std::size_t{4} << 20;
constexpr std::size_t max_problems_shown = 20;

// A value as the file spells it, with the line of its element.
struct Text {
    std::string value;
    std::size_t line = 0;
};

std::string in_quotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

std::string_view trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

template <class T> std::optional<T> parse_number(std::string_view text) {
    const std::string_view s = trimmed(text);
    T value{};
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || value < T{}) {
        return std::nullopt;
    }
    return value;
}

// Every problem of the files read, thrown together once reading is done, in file order.
class Problems {
  public:
    void add(const std::string& file, std::size_t line, const std::string& what) {
        const auto at = std::find(files_.begin(), files_.end(), file);
        list_.push_back({static_cast<std::size_t>(at - files_.begin()), line,
                         Location{file, line, {}}.str() + ": " + what});
        if (at == files_.end()) {
            files_.push_back(file);
        }
    }
    void throw_if_any() {
        if (list_.empty()) {
            return;
        }
        std::stable_sort(list_.begin(), list_.end(), [](const Problem& a, const Problem& b) {
            return std::tie(a.file, a.line) < std::tie(b.file, b.line);
        });
        std::string message;
        for (std::size_t i = 0; i < list_.size() && i < max_problems_shown; ++i) {
            message += (i > 0 ? "\n" : "") + list_[i].text;
        }
        if (list_.size() > max_problems_shown) {
            message +=
                "\n(and " + std::to_string(list_.size() - max_problems_shown) + " more problems)";
        }
        throw Error(ExitCode::data, message);
    }

  private:
    struct Problem {
        std::size_t file; // index in files_
        std::size_t line;
        std::string text;
    };
    std::vector<std::string> files_; // in the order they are read
    std::vector<Problem> list_;
};

// Streams an XML file through expat and hands the subclass each element by its path from the
// root ("/fet/Days_List/Day/Name") with the line of its start tag, and at its end its text.
class PathParser {
  public:
    PathParser(std::string file, Problems& problems)
        : file_(std::move(file)), problems_(problems) {}
    virtual ~PathParser() = default;
    PathParser(const PathParser&) = delete;
    PathParser& operator=(const PathParser&) = delete;

    void parse(const std::filesystem::path& path);
    const std::string& file() const { return file_; }

  protected:
    virtual void on_start(const std::string& path, std::size_t line, const XML_Char** atts) = 0;
    virtual void on_end(const std::string& path, const std::string& text, std::size_t line) = 0;
    void problem(std::size_t line, const std::string& what) { problems_.add(file_, line, what); }
    [[noreturn]] void fail(std::size_t line, const std::string& what) const {
        throw data_error(Location{file_, line, {}}, what);
    }
    std::size_t line_now() const {
        return static_cast<std::size_t>(XML_GetCurrentLineNumber(parser_));
    }
    // The number in `text`, or nothing with a problem about the element `name` and `broken`
    // set (the element is there, so it is not reported missing as well).
    template <class T>
    std::optional<T> number(std::string_view name, const std::string& text, std::size_t line,
                            bool& broken) {
        auto value = parse_number<T>(text);
        if (!value) {
            broken = true;
            problem(line, "<" + std::string(name) + "> " + in_quotes(text) +
                              (std::is_integral_v<T> ? " is not a whole number from 0 up"
                                                     : " is not a number"));
        }
        return value;
    }

  private:
    static void XMLCALL start_handler(void* self, const XML_Char* name, const XML_Char** atts);
    static void XMLCALL end_handler(void* self, const XML_Char* name);
    static void XMLCALL text_handler(void* self, const XML_Char* text, int length);
    static void XMLCALL doctype_handler(void* self, const XML_Char* name, const XML_Char* sysid,
                                        const XML_Char* pubid, int has_internal_subset);
    // Exceptions must not unwind through expat's C frames: keep the first, stop the parser,
    // and rethrow it once XML_Parse has returned.
    template <class F> void guarded(F&& f) {
        if (failure_) {
            return;
        }
        try {
            f();
        } catch (...) {
            failure_ = std::current_exception();
            XML_StopParser(parser_, XML_FALSE);
        }
    }

    std::string file_;
    Problems& problems_;
    XML_Parser parser_ = nullptr;
    std::exception_ptr failure_;
    std::string path_;
    std::vector<std::size_t> path_sizes_; // path_'s length before each open element
    std::vector<std::size_t> lines_;      // the start line of each open element
    std::string text_;
};

void PathParser::parse(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        throw Error(ExitCode::no_input, file_ + ": is a directory, not a file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int err = errno;
        throw Error(ExitCode::no_input, file_ + ": cannot open: " + std::strerror(err));
    }
    const std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(
        XML_ParserCreate(nullptr), &XML_ParserFree);
    if (!parser) {
        throw std::bad_alloc();
    }
    parser_ = parser.get();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &start_handler, &end_handler);
    XML_SetCharacterDataHandler(parser_, &text_handler);
    // FET never writes a DOCTYPE, and only a DOCTYPE can declare entities (expansion bombs,
    // external files): refuse it rather than rely on expat's limits.
    XML_SetStartDoctypeDeclHandler(parser_, &doctype_handler);
    XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);

    std::vector<char> buffer(chunk_bytes);
    for (bool last = false; !last;) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (in.bad()) {
            throw Error(ExitCode::io, file_ + ": read error");
        }
        last = in.eof();
        const auto status = XML_Parse(parser_, buffer.data(), static_cast<int>(in.gcount()),
                                      last ? XML_TRUE : XML_FALSE);
        if (failure_) {
            std::rethrow_exception(failure_);
        }
        if (status != XML_STATUS_OK) {
            fail(line_now(), std::string("malformed XML: ") +
                                 XML_ErrorString(XML_GetErrorCode(parser_)) + " (column " +
                                 std::to_string(XML_GetCurrentColumnNumber(parser_) + 1) + ")");
        }
    }
}

void PathParser::start_handler(void* self, const XML_Char* name, const XML_Char** atts) {
    auto* p = static_cast<PathParser*>(self);
    p->guarded([&] {
        p->path_sizes_.push_back(p->path_.size());
        p->lines_.push_back(p->line_now());
        p->path_.append("/").append(name);
        p->text_.clear();
        p->on_start(p->path_, p->lines_.back(), atts);
    });
}

void PathParser::end_handler(void* self, const XML_Char* /*name*/) {
    auto* p = static_cast<PathParser*>(self);
    p->guarded([&] {
        p->on_end(p->path_, p->text_, p->lines_.back());
        p->text_.clear();
        p->path_.resize(p->path_sizes_.back());
        p->path_sizes_.pop_back();
        p->lines_.pop_back();
    });
}

void PathParser::text_handler(void* self, const XML_Char* text, int length) {
    auto* p = static_cast<PathParser*>(self);
    p->guarded([&] {
        if (p->text_.size() + static_cast<std::size_t>(length) > max_text_bytes) {
            p->fail(p->line_now(), "a text longer than " + std::to_string(max_text_bytes >> 20) +
                                       " MiB (a damaged file?)");
        }
        p->text_.append(text, static_cast<std::size_t>(length));
    });
}

void PathParser::doctype_handler(void* self, const XML_Char* /*name*/, const XML_Char* /*sysid*/,
                                 const XML_Char* /*pubid*/, int /*has_internal_subset*/) {
    auto* p = static_cast<PathParser*>(self);
    p->guarded([&] {
        p->fail(p->line_now(), "the XML has a DOCTYPE declaration, which is refused (FET never "
                               "writes one; it can declare entities that expand without bound)");
    });
}

// Names of one list (days, teachers, ...) in file order, found by name.
class Names {
  public:
    // Adds the name; when it is listed already, the line where it was.
    std::optional<std::size_t> add(const Text& name) {
        const auto [at, added] = index_.try_emplace(name.value, names_.size());
        if (!added) {
            return lines_[at->second];
        }
        names_.push_back(name.value);
        lines_.push_back(name.line);
        return std::nullopt;
    }
    std::optional<int> find(const std::string& name) const {
        const auto at = index_.find(name);
        return at == index_.end() ? std::nullopt : std::optional(static_cast<int>(at->second));
    }
    int size() const { return static_cast<int>(names_.size()); }
    const std::string& operator[](int i) const { return names_[static_cast<std::size_t>(i)]; }
    const std::vector<std::string>& all() const { return names_; }

  private:
    std::vector<std::string> names_;
    std::vector<std::size_t> lines_;
    std::unordered_map<std::string, std::size_t> index_;
};

struct RawActivity {
    std::optional<int> id, duration;
    std::optional<Text> subject;
    std::vector<Text> teachers, students;
    bool active = true;
    bool broken = false; // a problem is reported already
    std::size_t line = 0;
};

// A placement: a constraint of the .fet file or an <Activity> of activities.xml.
struct RawSlot {
    std::optional<int> activity_id;
    std::optional<Text> day, hour, room;
    std::vector<Text> real_rooms;
    double weight = 100;
    bool active = true;
    bool broken = false; // a problem is reported already
    std::size_t line = 0;
};

constexpr std::string_view activity_path = "/fet/Activities_List/Activity";
constexpr std::string_view time_path =
    "/fet/Time_Constraints_List/ConstraintActivityPreferredStartingTime";
constexpr std::string_view room_path =
    "/fet/Space_Constraints_List/ConstraintActivityPreferredRoom";
constexpr std::string_view slot_path = "/Activities_Timetable/Activity";

// The field of `path` inside the element at `parent`: "Name" for "parent/Name", "" for the
// element itself, nothing when `path` is not inside it.
std::optional<std::string_view> field_of(std::string_view path, std::string_view parent) {
    if (!path.starts_with(parent)) {
        return std::nullopt;
    }
    if (path.size() == parent.size()) {
        return std::string_view();
    }
    if (path[parent.size()] != '/') {
        return std::nullopt;
    }
    return path.substr(parent.size() + 1);
}

std::string_view parent_of(std::string_view path) {
    return path.substr(0, path.rfind('/'));
}

std::string_view leaf_of(std::string_view path) {
    return path.substr(path.rfind('/') + 1);
}

// "year", "group" or "subgroup" for the path of a students set element, else "".
std::string_view set_kind(std::string_view path) {
    if (path == "/fet/Students_List/Year") {
        return "year";
    }
    if (path == "/fet/Students_List/Year/Group") {
        return "group";
    }
    return path == "/fet/Students_List/Year/Group/Subgroup" ? "subgroup" : "";
}

bool is_root(std::string_view path) {
    return path.find('/', 1) == std::string_view::npos;
}

// Fills a placement from one field of its element (FET's and activities.xml's names).
class SlotParser : public PathParser {
  protected:
    using PathParser::PathParser;
    void slot_field(std::string_view field, const std::string& text, std::size_t line) {
        if (field == "Weight_Percentage") {
            slot_.weight = number<double>(field, text, line, slot_.broken).value_or(0);
        } else if (field == "Activity_Id" || field == "Id") {
            slot_.activity_id = number<int>(field, text, line, slot_.broken);
        } else if (text.empty()) {
            return; // activities.xml: an unplaced activity, or one without a room
        } else if (field == "Preferred_Day" || field == "Day") {
            slot_.day = Text{text, line};
        } else if (field == "Preferred_Hour" || field == "Hour") {
            slot_.hour = Text{text, line};
        } else if (field == "Room") {
            slot_.room = Text{text, line};
        } else if (field == "Real_Room") {
            slot_.real_rooms.push_back({text, line});
        } else if (field == "Active") {
            slot_.active = trimmed(text) != "false"; // as FET reads it
        }
    }
    RawSlot slot_;
};

// The data of a .fet file and the placements it holds.
class FetParser : public SlotParser {
  public:
    using SlotParser::SlotParser;

    FetTimetable out;
    Names days, hours, teachers, subjects, rooms;
    std::unordered_map<std::string, std::size_t> sets; // name -> index in out.students_sets
    std::vector<RawActivity> activities;
    std::vector<RawSlot> times, places;

  protected:
    void on_start(const std::string& path, std::size_t line, const XML_Char** atts) override;
    void on_end(const std::string& path, const std::string& text, std::size_t line) override;

  private:
    Names* list_of(std::string_view item_path) {
        static const std::map<std::string_view, Names FetParser::*> lists = {
            {"/fet/Days_List/Day", &FetParser::days},
            {"/fet/Hours_List/Hour", &FetParser::hours},
            {"/fet/Teachers_List/Teacher", &FetParser::teachers},
            {"/fet/Subjects_List/Subject", &FetParser::subjects},
            {"/fet/Rooms_List/Room", &FetParser::rooms}};
        const auto at = lists.find(item_path);
        return at == lists.end() ? nullptr : &(this->*(at->second));
    }
    void students_set_name(std::string_view kind, const Text& name);
    void activity_field(std::string_view field, const std::string& text, std::size_t line);
    void end_fet();

    struct OpenSet {
        std::string_view kind;
        std::size_t index = std::string::npos; // into out.students_sets, once named
        bool named = false;
    };
    std::vector<OpenSet> open_sets_;
    std::size_t root_line_ = 0;
    bool item_named_ = false;
    bool has_activities_ = false;
    RawActivity activity_;
};

void FetParser::on_start(const std::string& path, std::size_t line, const XML_Char** atts) {
    if (is_root(path)) {
        if (path != "/fet") {
            fail(line, "not a FET file: the root element is <" + path.substr(1) + ">, not <fet>");
        }
        root_line_ = line;
        for (; atts[0] != nullptr; atts += 2) {
            if (std::string_view(atts[0]) == "version") {
                out.version = atts[1];
            }
        }
    } else if (path == activity_path) {
        activity_ = RawActivity{};
        activity_.line = line;
    } else if (path == time_path || path == room_path) {
        slot_ = RawSlot{};
        slot_.line = line;
    } else if (const auto kind = set_kind(path); !kind.empty()) {
        open_sets_.push_back({kind});
    } else if (path == "/fet/Activities_List") {
        has_activities_ = true;
    } else if (list_of(path) != nullptr) {
        item_named_ = false;
    }
}

void FetParser::students_set_name(std::string_view kind, const Text& name) {
    open_sets_.back().named = true;
    const auto [at, added] = sets.try_emplace(name.value, out.students_sets.size());
    if (added) {
        out.students_sets.push_back({name.value, std::string(kind), {}, 0});
    }
    auto& set = out.students_sets[at->second];
    if (set.kind != kind || (!added && kind == "year")) {
        problem(name.line, "students set " + in_quotes(name.value) + " is a " + std::string(kind) +
                               " here and a " + set.kind + " before");
        return;
    }
    open_sets_.back().index = at->second;
    if (open_sets_.size() < 2 || open_sets_[open_sets_.size() - 2].index == std::string::npos) {
        return;
    }
    const std::string& parent = out.students_sets[open_sets_[open_sets_.size() - 2].index].name;
    if (std::find(set.parents.begin(), set.parents.end(), parent) == set.parents.end()) {
        set.parents.push_back(parent);
    }
}

void FetParser::activity_field(std::string_view field, const std::string& text, std::size_t line) {
    if (field == "Teacher") {
        activity_.teachers.push_back({text, line});
    } else if (field == "Students") {
        activity_.students.push_back({text, line});
    } else if (field == "Subject") {
        activity_.subject = Text{text, line};
    } else if (field == "Duration") {
        activity_.duration = number<int>(field, text, line, activity_.broken);
    } else if (field == "Id") {
        activity_.id = number<int>(field, text, line, activity_.broken);
    } else if (field == "Active") {
        activity_.active = trimmed(text) != "false"; // as FET reads it
    } else if (field.empty()) {
        const char* missing = !activity_.id         ? "<Id>"
                              : !activity_.subject  ? "<Subject>"
                              : !activity_.duration ? "<Duration>"
                                                    : nullptr;
        if (missing != nullptr && !activity_.broken) {
            problem(activity_.line, std::string("<Activity> has no ") + missing);
        }
        activity_.broken = activity_.broken || missing != nullptr;
        // Kept while broken, so that its placements are not reported as well.
        if (activity_.id) {
            activities.push_back(std::move(activity_));
        }
    }
}

void FetParser::on_end(const std::string& path, const std::string& text, std::size_t line) {
    const std::string_view parent = parent_of(path);
    const std::string_view leaf = leaf_of(path);
    if (auto field = field_of(path, activity_path)) {
        activity_field(*field, text, line);
    } else if (auto time_field = field_of(path, time_path)) {
        slot_field(*time_field, text, line);
        // Only a binding constraint naming both a day and an hour fixes a slot.
        if (time_field->empty() && !slot_.broken && slot_.active && slot_.weight >= 100 &&
            slot_.day && slot_.hour) {
            if (!slot_.activity_id) {
                problem(slot_.line, "<" + std::string(leaf) + "> has no <Activity_Id>");
            } else {
                times.push_back(std::move(slot_));
            }
        }
    } else if (auto room_field = field_of(path, room_path)) {
        slot_field(*room_field, text, line);
        if (room_field->empty() && !slot_.broken && slot_.active && slot_.weight >= 100) {
            if (!slot_.activity_id || !slot_.room) {
                problem(slot_.line, "<" + std::string(leaf) + "> has no " +
                                        (slot_.activity_id ? "<Room>" : "<Activity_Id>"));
            } else {
                places.push_back(std::move(slot_));
            }
        }
    } else if (path == "/fet/Institution_Name") {
        out.institution = text;
    } else if (path == "/fet/Mode") {
        out.mode = std::string(trimmed(text));
    } else if (const auto kind = set_kind(parent); !kind.empty() && leaf == "Name") {
        students_set_name(kind, {text, line});
    } else if (!kind.empty() && leaf == "Number_of_Students") {
        const std::size_t index = open_sets_.back().index;
        bool broken = false;
        const auto n = number<int>(leaf, text, line, broken);
        // A set listed again (a subgroup of two groups) keeps its first count.
        if (n && index != std::string::npos && out.students_sets[index].students == 0) {
            out.students_sets[index].students = *n;
        }
    } else if (!set_kind(path).empty()) {
        if (!open_sets_.back().named) {
            problem(line, "<" + std::string(leaf) + "> has no <Name>");
        }
        open_sets_.pop_back();
    } else if (Names* list = list_of(parent); list != nullptr && leaf == "Name") {
        if (const auto first = list->add({text, line})) {
            problem(line, std::string(leaf_of(parent)) + " " + in_quotes(text) +
                              " is listed twice (first at line " + std::to_string(*first) + ")");
        }
        item_named_ = true;
    } else if (list_of(path) != nullptr && !item_named_) {
        problem(line, "<" + std::string(leaf) + "> has no <Name>");
    } else if (path == "/fet") {
        end_fet();
    }
}

void FetParser::end_fet() {
    if (days.size() == 0) {
        problem(root_line_, "<fet> has no days (<Days_List> is missing or empty)");
    }
    if (hours.size() == 0) {
        problem(root_line_, "<fet> has no hours (<Hours_List> is missing or empty)");
    }
    if (!has_activities_) {
        problem(root_line_, "<fet> has no <Activities_List>");
    }
}

// The slots of NAME_activities.xml.
class ActivitiesXmlParser : public SlotParser {
  public:
    using SlotParser::SlotParser;
    std::vector<RawSlot> slots;

  protected:
    void on_start(const std::string& path, std::size_t line, const XML_Char** /*atts*/) override {
        if (is_root(path) && path != "/Activities_Timetable") {
            fail(line, "not a FET activities file: the root element is <" + path.substr(1) +
                           ">, not <Activities_Timetable>");
        }
        if (path == slot_path) {
            slot_ = RawSlot{};
            slot_.line = line;
        }
    }
    void on_end(const std::string& path, const std::string& text, std::size_t line) override {
        const auto field = field_of(path, slot_path);
        if (!field) {
            return;
        }
        slot_field(*field, text, line);
        if (!field->empty()) {
            return;
        }
        if (!slot_.activity_id && !slot_.broken) {
            problem(slot_.line, "<Activity> has no <Id>");
        } else if (!slot_.broken) {
            slots.push_back(std::move(slot_));
        }
    }
};

// Where placements come from. In activities.xml, a slot for an activity that the .fet file has
// inactive means the two files do not belong together; in the .fet file it is only left over.
enum class SlotSource { fet_constraints, activities_xml };

// Where one activity is placed, as far as known.
struct Placement {
    std::optional<std::pair<int, int>> time; // day, first hour
    std::size_t time_line = 0;
    std::optional<std::string> room;
    std::vector<std::string> real_rooms;
    std::size_t room_line = 0;
};

// Checks the activities against the lists, places them, and builds the timetable.
class Assembler {
  public:
    Assembler(FetParser& fet, Problems& problems)
        : fet_(fet), problems_(problems), placements_(fet.activities.size()) {
        check_activities();
    }
    void place(const std::vector<RawSlot>& slots, const std::string& file, SlotSource source);
    FetTimetable finish();

  private:
    void check_activities();
    void place_time(std::size_t i, const RawSlot& slot, const std::string& file);
    void place_room(std::size_t i, const RawSlot& slot, const std::string& file);
    template <class... Parts>
    void problem(const std::string& file, std::size_t line, int activity, const Parts&... parts) {
        problems_.add(file, line, ("activity " + std::to_string(activity) + ... + parts));
    }

    FetParser& fet_;
    Problems& problems_;
    std::vector<Placement> placements_;          // by index in fet_.activities
    std::unordered_map<int, std::size_t> by_id_; // activity id -> its first index
};

void Assembler::check_activities() {
    const std::string& file = fet_.file();
    for (std::size_t i = 0; i < fet_.activities.size(); ++i) {
        const RawActivity& a = fet_.activities[i];
        const int id = *a.id;
        if (const auto [at, added] = by_id_.try_emplace(id, i); !added) {
            problem(file, a.line, id, ": the id is used twice (first at line ",
                    std::to_string(fet_.activities[at->second].line), ")");
            continue;
        }
        if (!a.active || a.broken) {
            continue;
        }
        for (const Text& t : a.teachers) {
            if (!fet_.teachers.find(t.value)) {
                problem(file, t.line, id, ": teacher ", in_quotes(t.value),
                        " is not in <Teachers_List>");
            }
        }
        if (!fet_.subjects.find(a.subject->value)) {
            problem(file, a.subject->line, id, ": subject ", in_quotes(a.subject->value),
                    " is not in <Subjects_List>");
        }
        for (const Text& s : a.students) {
            if (fet_.sets.count(s.value) == 0) {
                problem(file, s.line, id, ": students set ", in_quotes(s.value),
                        " is not in <Students_List>");
            }
        }
        if (*a.duration < 1) {
            problem(file, a.line, id, ": <Duration> is 0; an activity lasts at least 1 hour");
        }
    }
}

void Assembler::place(const std::vector<RawSlot>& slots, const std::string& file,
                      SlotSource source) {
    const bool other_file = source == SlotSource::activities_xml;
    for (const RawSlot& slot : slots) {
        const int id = *slot.activity_id;
        const auto at = by_id_.find(id);
        if (at == by_id_.end()) {
            problem(file, slot.line, id, " is placed here but is not in <Activities_List>",
                    other_file ? " of " + fet_.file() : "");
            continue;
        }
        if (fet_.activities[at->second].broken) {
            continue;
        }
        if (!fet_.activities[at->second].active) {
            if (other_file) {
                problem(file, slot.line, id, " is placed here but is inactive in ", fet_.file());
            }
            continue;
        }
        if (slot.day) {
            place_time(at->second, slot, file);
        }
        if (slot.room) {
            place_room(at->second, slot, file);
        }
    }
}

void Assembler::place_time(std::size_t i, const RawSlot& slot, const std::string& file) {
    const RawActivity& a = fet_.activities[i];
    if (!slot.hour) {
        problem(file, slot.day->line, *a.id, " has a day but no hour");
        return;
    }
    const auto day = fet_.days.find(slot.day->value);
    const auto hour = fet_.hours.find(slot.hour->value);
    if (!day) {
        problem(file, slot.day->line, *a.id, " is placed on day ", in_quotes(slot.day->value),
                ", which is not in <Days_List>");
    }
    if (!hour) {
        problem(file, slot.hour->line, *a.id, " is placed at hour ", in_quotes(slot.hour->value),
                ", which is not in <Hours_List>");
    }
    if (!day || !hour) {
        return;
    }
    if (*a.duration >= 1 && *hour + *a.duration > fet_.hours.size()) {
        problem(file, slot.hour->line, *a.id, " lasts ", std::to_string(*a.duration),
                " hours from hour ", in_quotes(slot.hour->value), " (number ",
                std::to_string(*hour + 1), " of ", std::to_string(fet_.hours.size()),
                "): past the end of the day");
        return;
    }
    Placement& p = placements_[i];
    if (p.time && *p.time != std::pair(*day, *hour)) {
        problem(file, slot.line, *a.id, " is placed twice: on ", in_quotes(fet_.days[*day]), " at ",
                in_quotes(fet_.hours[*hour]), " here, on ", in_quotes(fet_.days[p.time->first]),
                " at ", in_quotes(fet_.hours[p.time->second]), " at line ",
                std::to_string(p.time_line));
        return;
    }
    p.time = std::pair(*day, *hour);
    p.time_line = slot.line;
}

void Assembler::place_room(std::size_t i, const RawSlot& slot, const std::string& file) {
    const int id = *fet_.activities[i].id;
    std::vector<const Text*> named{&*slot.room};
    for (const Text& r : slot.real_rooms) {
        named.push_back(&r);
    }
    bool known = true;
    for (const Text* room : named) {
        if (!fet_.rooms.find(room->value)) {
            problem(file, room->line, id, " is placed in room ", in_quotes(room->value),
                    ", which is not in <Rooms_List>");
            known = false;
        }
    }
    Placement& p = placements_[i];
    if (!known) {
        return;
    }
    if (p.room && *p.room != slot.room->value) {
        problem(file, slot.line, id, " is placed in two rooms: ", in_quotes(slot.room->value),
                " here, ", in_quotes(*p.room), " at line ", std::to_string(p.room_line));
        return;
    }
    p.room = slot.room->value;
    p.real_rooms.clear();
    for (const Text& r : slot.real_rooms) {
        p.real_rooms.push_back(r.value);
    }
    p.room_line = slot.line;
}

FetTimetable Assembler::finish() {
    FetTimetable out = std::move(fet_.out);
    for (std::size_t i = 0; i < fet_.activities.size(); ++i) {
        RawActivity& a = fet_.activities[i];
        if (!a.active || a.broken || by_id_.at(*a.id) != i) {
            continue;
        }
        const Placement& p = placements_[i];
        if (!p.time) {
            out.unplaced_activities.push_back(*a.id);
            continue;
        }
        FetLesson lesson;
        lesson.activity_id = *a.id;
        for (Text& t : a.teachers) {
            lesson.teachers.push_back(std::move(t.value));
        }
        lesson.subject = std::move(a.subject->value);
        for (Text& s : a.students) {
            lesson.students.push_back(std::move(s.value));
        }
        lesson.day_index = p.time->first;
        lesson.hour_index = p.time->second;
        lesson.day = fet_.days[lesson.day_index];
        lesson.hour = fet_.hours[lesson.hour_index];
        lesson.duration = *a.duration;
        lesson.room = p.room.value_or("");
        lesson.real_rooms = p.real_rooms;
        lesson.line = a.line;
        out.lessons.push_back(std::move(lesson));
    }
    out.days = fet_.days.all();
    out.hours = fet_.hours.all();
    out.teachers = fet_.teachers.all();
    out.subjects = fet_.subjects.all();
    out.rooms = fet_.rooms.all();
    return out;
}

} // namespace

FetTimetable read_fet(const std::filesystem::path& file) {
    Problems problems;
    FetParser fet(file.string(), problems);
    fet.parse(file);
    Assembler assembler(fet, problems);
    assembler.place(fet.times, fet.file(), SlotSource::fet_constraints);
    assembler.place(fet.places, fet.file(), SlotSource::fet_constraints);
    problems.throw_if_any();
    return assembler.finish();
}

FetTimetable read_fet(const std::filesystem::path& file,
                      const std::filesystem::path& activities_xml) {
    Problems problems;
    FetParser fet(file.string(), problems);
    fet.parse(file);
    ActivitiesXmlParser xml(activities_xml.string(), problems);
    xml.parse(activities_xml);
    Assembler assembler(fet, problems);
    assembler.place(xml.slots, xml.file(), SlotSource::activities_xml);
    problems.throw_if_any();
    return assembler.finish();
}

} // namespace schoolctl::formats
