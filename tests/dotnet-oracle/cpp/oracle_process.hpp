#pragma once
// The .NET oracle as a child process (`oracle.sh serve`), spoken to over two pipes: one start
// serves every case of the run. Protocol in tests/dotnet-oracle/Program.cs.
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace orderkit::oracle {

/// One answer: "ok"/"fail" (roundtrip, json2xml) or "valid"/"invalid" (check), and its text.
struct Answer {
  std::string status;
  std::string payload;
};

class Process {
 public:
  /// Starts `bash <script> serve <out dir>`.
  Process(const std::string& script, const std::string& out_dir) {
    int to_child[2], from_child[2];
    if (::pipe(to_child) != 0 || ::pipe(from_child) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      ::dup2(to_child[0], 0);
      ::dup2(from_child[1], 1);
      ::close(to_child[0]);
      ::close(to_child[1]);
      ::close(from_child[0]);
      ::close(from_child[1]);
      std::vector<std::string> args = {"bash", script, "serve", out_dir};
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execvp("bash", argv.data());
      ::_exit(127);
    }
    ::close(to_child[0]);
    ::close(from_child[1]);
    in_ = ::fdopen(from_child[0], "rb");
    out_ = ::fdopen(to_child[1], "wb");
    ::signal(SIGPIPE, SIG_IGN);
  }
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  ~Process() {
    if (out_) std::fclose(out_);
    if (in_) std::fclose(in_);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }

  /// Sends one command and waits for its answer; throws if the oracle went away.
  Answer ask(const std::string& op, const std::string& api, const std::string& model, const std::string& format,
             const std::string& body) {
    std::string head = op + "\t" + api + "\t" + model + "\t" + format + "\t" + std::to_string(body.size()) + "\n";
    if (std::fwrite(head.data(), 1, head.size(), out_) != head.size() ||
        std::fwrite(body.data(), 1, body.size(), out_) != body.size() || std::fflush(out_) != 0) {
      throw std::runtime_error("the oracle process is gone");
    }
    std::string line;
    for (int c; (c = std::fgetc(in_)) != '\n';) {
      if (c == EOF) throw std::runtime_error("the oracle process closed its output");
      line.push_back(static_cast<char>(c));
    }
    auto tab = line.find('\t');
    if (tab == std::string::npos) throw std::runtime_error("bad oracle answer: " + line);
    Answer a;
    a.status = line.substr(0, tab);
    std::size_t n = std::stoul(line.substr(tab + 1));
    a.payload.resize(n);
    if (n > 0 && std::fread(a.payload.data(), 1, n, in_) != n) throw std::runtime_error("short oracle answer");
    return a;
  }

 private:
  pid_t pid_ = -1;
  std::FILE* in_ = nullptr;
  std::FILE* out_ = nullptr;
};

}  // namespace orderkit::oracle
