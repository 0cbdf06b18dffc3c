#pragma once
// Certificates for HTTPS tests, made with the openssl command when the test runs, in a folder of
// their own that is removed afterwards: a test CA, and server certificates it signs (or that sign
// themselves) for the names a test asks for. No private key is ever checked in, and none outlives
// its test.
#include <stdlib.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace orderkit::test {

class TestPki {
 public:
  /// A certificate and its unencrypted private key, as PEM files.
  struct Pair {
    std::string cert;
    std::string key;
  };

  /// Makes the folder and the CA ("OrderKit Test CA", valid for two days).
  TestPki() {
    std::string templ = (std::filesystem::temp_directory_path() / "orderkit-pki-XXXXXX").string();
    if (::mkdtemp(templ.data()) == nullptr) throw std::runtime_error("cannot make a temporary folder");
    dir_ = templ;
    ca_ = {file("ca.pem"), file("ca.key")};
    openssl("req -x509 " + kKey + " -nodes -days 2 -subj '/CN=OrderKit Test CA' -keyout " + ca_.key + " -out " +
            ca_.cert + " -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign");
  }
  ~TestPki() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  TestPki(const TestPki&) = delete;
  TestPki& operator=(const TestPki&) = delete;

  /// The CA's certificate: the file a client trusts.
  const std::string& ca_file() const { return ca_.cert; }

  /// A server certificate signed by the CA for `alt_names` ("DNS:localhost,IP:127.0.0.1").
  Pair server(const std::string& name, const std::string& alt_names) {
    const Pair pair{file(name + ".pem"), file(name + ".key")};
    const std::string csr = file(name + ".csr"), ext = file(name + ".ext");
    std::ofstream(ext) << "subjectAltName=" << alt_names << "\nbasicConstraints=CA:FALSE\n"
                       << "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n";
    openssl("req -new " + kKey + " -nodes -subj '/CN=" + name + "' -keyout " + pair.key + " -out " + csr);
    openssl("x509 -req -in " + csr + " -CA " + ca_.cert + " -CAkey " + ca_.key + " -CAcreateserial -days 2 -extfile " +
            ext + " -out " + pair.cert);
    return pair;
  }

  /// A certificate that signs itself (no CA vouches for it) for `alt_names`.
  Pair self_signed(const std::string& name, const std::string& alt_names) {
    const Pair pair{file(name + ".pem"), file(name + ".key")};
    openssl("req -x509 " + kKey + " -nodes -days 2 -subj '/CN=" + name + "' -keyout " + pair.key + " -out " +
            pair.cert + " -addext subjectAltName=" + alt_names);
    return pair;
  }

  /// A path in the folder (for files a test writes itself).
  std::string file(const std::string& name) const { return (dir_ / name).string(); }

 private:
  // P-256 keys: made in milliseconds (RSA keys take far longer), and every TLS stack takes them.
  inline static const std::string kKey = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1";

  void openssl(const std::string& args) const {
    const std::string log = file("openssl.log");
    const std::string command = "openssl " + args + " >" + log + " 2>&1";
    if (std::system(command.c_str()) != 0) {
      std::ifstream in(log);
      std::ostringstream text;
      text << in.rdbuf();
      throw std::runtime_error("openssl " + args + " failed: " + text.str());
    }
  }

  std::filesystem::path dir_;
  Pair ca_;
};

}  // namespace orderkit::test
