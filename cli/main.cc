// tactful: checks support replies for ifs-and-buts apologies, blame, jargon
// and dismissive tone, on the command line.
//
//   tactful check [--format text|json] [--audience A] [--category C]...
//                 [--checklist] [--config FILE] [FILE... | -]
//   tactful check --jsonl [--jobs N] [options] [FILE | -]   (see cli/batch.h)
//   tactful rules [--format text|json] [--config FILE]
//   tactful explain RULE [--config FILE]
//
// Exit status: 0 no findings, 1 findings, 2 usage, input or config errors.
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <thread>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/batch.h"
#include "cli/text_output.h"
#include "core/engine.h"
#include "core/report.h"

namespace tactful {
namespace {

constexpr int kClean = 0;
constexpr int kFindings = 1;
constexpr int kUsageError = 2;

constexpr char kUsage[] =
    "usage: tactful check [--format text|json] [--audience customer|internal|technical]\n"
    "                     [--category CATEGORY]... [--checklist] [--config FILE]\n"
    "                     [FILE... | -]\n"
    "       tactful check --jsonl [--jobs N] [...] [FILE | -]\n"
    "       tactful rules [--format text|json] [--config FILE]\n"
    "       tactful explain RULE [--config FILE]\n"
    "\n"
    "Checks support replies for conditional apologies, blame, jargon and\n"
    "dismissive tone. Reads standard input when no FILE (or -) is given.\n"
    "--jsonl reads one {\"id\", \"text\"} object per line (a ticket export) and\n"
    "writes one result per line, in order, checking on N threads (all cores).\n"
    "Categories: apology, blame, jargon, tone, structure.\n"
    "--checklist prints the reply checklist (empathy, apology, ownership, next\n"
    "step, timeline, empathy first) after each file's findings; JSON output\n"
    "always has it.\n"
    "Exit status: 0 clean, 1 findings, 2 usage or configuration error.\n";

struct Args {
  std::string command;
  std::string format = "text";
  std::string config_path;
  bool jsonl = false;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  bool checklist = false;
  CheckOptions options;
  std::vector<std::string> operands;
};

int UsageError(const std::string& message) {
  std::cerr << "tactful: " << message << "\n\n" << kUsage;
  return kUsageError;
}

bool ReadFile(const std::string& path, std::string* out, std::string* error) {
  std::ostringstream buffer;
  if (path == "-") {
    buffer << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      *error = "cannot read " + path + ": " + std::strerror(errno);
      return false;
    }
    buffer << in.rdbuf();
  }
  *out = buffer.str();
  return true;
}

// Parses argv into *args; returns a non-negative exit status to stop with.
int ParseArgs(int argc, char** argv, Args* args) {
  if (argc < 2) return UsageError("no command given");
  args->command = argv[1];
  if (args->command == "--help" || args->command == "-h" || args->command == "help") {
    std::cout << kUsage;
    return kClean;
  }
  if (args->command == "--version") {
    std::cout << "tactful 0.1.0\n";
    return kClean;
  }
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string v;
    if (arg == "--format") {
      if (!value(&args->format)) return UsageError("--format needs a value");
      if (args->format != "text" && args->format != "json") return UsageError("--format must be text or json");
    } else if (arg == "--audience") {
      if (!value(&args->options.audience)) return UsageError("--audience needs a value");
      if (!IsAudience(args->options.audience)) {
        return UsageError("--audience must be customer, internal or technical");
      }
    } else if (arg == "--category") {
      if (!value(&v)) return UsageError("--category needs a value");
      args->options.categories.push_back(v);
    } else if (arg == "--jsonl") {
      args->jsonl = true;
    } else if (arg == "--jobs") {
      if (!value(&v)) return UsageError("--jobs needs a number");
      char* end = nullptr;
      const unsigned long jobs = std::strtoul(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || jobs < 1 || jobs > 256) return UsageError("--jobs must be 1 to 256");
      args->jobs = static_cast<unsigned>(jobs);
    } else if (arg == "--checklist") {
      args->checklist = true;
    } else if (arg == "--config") {
      if (!value(&args->config_path)) return UsageError("--config needs a file");
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return kClean;
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      return UsageError("unknown option " + arg);
    } else {
      args->operands.push_back(arg);
    }
  }
  for (const std::string& c : args->options.categories) {
    if (!IsCategory(c)) {
      return UsageError("unknown category " + c);
    }
  }
  return -1;
}

// Builds the engine; any configuration problem is fatal on the command line,
// where a silently skipped rule would go unnoticed.
std::unique_ptr<Engine> MakeEngine(const std::string& config_path, int* status) {
  std::string config;
  std::string error;
  if (!config_path.empty() && !ReadFile(config_path, &config, &error)) {
    std::cerr << "tactful: " << error << "\n";
    *status = kUsageError;
    return nullptr;
  }
  auto engine = Engine::Create(config);
  if (!engine->errors().empty()) {
    const std::string where = config_path.empty() ? "built-in rules" : config_path;
    for (const ConfigError& e : engine->errors()) std::cerr << where << ": " << e.path << ": " << e.message << "\n";
    *status = kUsageError;
    return nullptr;
  }
  return engine;
}

int RunJsonLines(const Engine& engine, const Args& args) {
  if (args.operands.size() > 1) return UsageError("--jsonl reads one file (or -)");
  const std::string path = args.operands.empty() ? "-" : args.operands[0];
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      std::cerr << "tactful: cannot read " << path << ": " << std::strerror(errno) << "\n";
      return kUsageError;
    }
  }
  std::ios::sync_with_stdio(false);
  const BatchTotals totals = CheckJsonLines(engine, args.options, path == "-" ? std::cin : file, std::cout, args.jobs);
  if (totals.errors > 0) {
    std::cerr << "tactful: " << totals.errors << (totals.errors == 1 ? " line" : " lines")
              << " could not be checked (see their \"error\")\n";
    return kUsageError;
  }
  return totals.findings == 0 ? kClean : kFindings;
}

int RunCheck(const Engine& engine, const Args& args) {
  if (args.jsonl) return RunJsonLines(engine, args);
  std::vector<std::string> inputs = args.operands;
  if (inputs.empty()) inputs.push_back("-");
  const bool color = args.format == "text" && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
  json all = json::array();
  json checklists = json::array();
  std::vector<Finding> findings;
  bool read_error = false;
  for (const std::string& path : inputs) {
    std::string text, error;
    if (!ReadFile(path, &text, &error)) {
      std::cerr << "tactful: " << error << "\n";
      read_error = true;
      continue;
    }
    const CheckResult result = engine.Check(text, args.options);
    if (args.format == "json") {
      json one = ResultToJson(result, text, OffsetUnit::kUtf8Bytes);
      for (json& f : one["findings"]) {
        if (inputs.size() > 1) f["file"] = path;
        all.push_back(std::move(f));
      }
      for (json& item : ChecklistToJson(result, text, OffsetUnit::kUtf8Bytes)) {
        if (inputs.size() > 1) item["file"] = path;
        checklists.push_back(std::move(item));
      }
    } else {
      const std::string shown = path == "-" ? "<stdin>" : path;
      PrintFindings(std::cout, shown, text, result, color);
      if (args.checklist) PrintChecklist(std::cout, shown, result, color);
    }
    findings.insert(findings.end(), result.findings.begin(), result.findings.end());
  }
  json summary = Summarize(findings);
  summary["files"] = inputs.size();
  if (args.format == "json") {
    const json out = {{"findings", std::move(all)}, {"checklist", std::move(checklists)}, {"summary", std::move(summary)}};
    std::cout << out.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  } else {
    std::cout << findings.size() << (findings.size() == 1 ? " finding" : " findings") << " in " << inputs.size()
              << (inputs.size() == 1 ? " file" : " files") << "\n";
  }
  if (read_error) return kUsageError;
  return findings.empty() ? kClean : kFindings;
}

int RunRules(const Engine& engine, const Args& args) {
  if (args.format == "json") {
    std::cout << RulesToJson(engine).dump(2) << "\n";
    return kClean;
  }
  for (const RuleInfo* r : engine.Rules()) {
    std::cout << r->id << "  (" << r->category << ", " << r->type << ")\n    " << r->message << "\n";
  }
  return kClean;
}

int RunExplain(const Engine& engine, const Args& args) {
  if (args.operands.size() != 1) return UsageError("explain takes one rule id");
  for (const RuleInfo* r : engine.Rules()) {
    if (r->id != args.operands[0]) continue;
    std::cout << r->id << "\n  category: " << r->category << "\n  severity: " << r->severity
              << "\n  check:    " << r->type << "\n  message:  " << r->message << "\n  why:      " << r->why
              << "\n  audience: ";
    if (r->audiences.empty()) std::cout << "all";
    for (size_t i = 0; i < r->audiences.size(); ++i) std::cout << (i ? ", " : "") << r->audiences[i];
    std::cout << "\n";
    if (!r->starter.empty()) std::cout << "  starter:  " << r->starter << "\n";
    PrintExamples(std::cout, *r);
    return kClean;
  }
  std::cerr << "tactful: no rule \"" << args.operands[0] << "\"; `tactful rules` lists them\n";
  return kUsageError;
}

int Main(int argc, char** argv) {
  Args args;
  if (int status = ParseArgs(argc, argv, &args); status >= 0) return status;
  if (args.command != "check" && args.command != "rules" && args.command != "explain") {
    return UsageError("unknown command " + args.command);
  }
  int status = kClean;
  auto engine = MakeEngine(args.config_path, &status);
  if (!engine) return status;
  if (args.command == "check") return RunCheck(*engine, args);
  if (args.command == "rules") return RunRules(*engine, args);
  return RunExplain(*engine, args);
}

}  // namespace
}  // namespace tactful

int main(int argc, char** argv) { return tactful::Main(argc, argv); }
