#pragma once
// A PostgreSQL SCRAM-SHA-256 password verifier, computed on the lead's machine, so that a new
// reviewer's password crosses the wire and reaches the server's logs only in this hashed form
// (PostgreSQL stores a verifier given to CREATE ROLE ... PASSWORD as it is):
//   SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>   (RFC 5802 / RFC 7677, base64)
#include <string>

namespace medlora::review_server {

inline constexpr int kScramIterations = 4096;  // PostgreSQL's default scram_iterations

// `salt` empty: 16 random bytes. A password that is not plain ASCII is NFKC-normalised first, as
// SASLprep (which libpq applies when signing in) does for ordinary text.
std::string scram_sha256_verifier(const std::string& password, const std::string& salt = "",
                                  int iterations = kScramIterations);

}  // namespace medlora::review_server
