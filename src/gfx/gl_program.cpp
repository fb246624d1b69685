#include "gfx/gl_program.h"

#include <GLES3/gl3.h>
#include <cstdio>

namespace nabla::gfx {
namespace {

// "" when `status` of shader or program `id` is true, else its info log (the driver's message).
template <class GetIv, class GetLog>
std::string failure(GLuint id, GLenum status, GetIv get_iv, GetLog get_log) {
    GLint ok = 0;
    get_iv(id, status, &ok);
    if (ok) return "";
    char log[1024] = {};
    get_log(id, sizeof log, nullptr, log);
    return log[0] ? log : "no message";
}

unsigned compile(GLenum type, const char* source, std::string& why) {
    const GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &source, nullptr);
    glCompileShader(s);
    why = failure(s, GL_COMPILE_STATUS, glGetShaderiv, glGetShaderInfoLog);
    if (why.empty()) return s;
    glDeleteShader(s);
    return 0;
}

}  // namespace

unsigned link_program(const char* vertex, const char* fragment, const char* name, std::string& error, const char* defines, const char* tail) {
    std::string why, source = fragment;
    source.insert(source.find('\n') + 1, defines);
    source += tail;
    const unsigned vs = compile(GL_VERTEX_SHADER, vertex, why);
    const unsigned fs = vs ? compile(GL_FRAGMENT_SHADER, source.c_str(), why) : 0;
    unsigned program = 0;
    if (fs) {
        program = glCreateProgram();
        glAttachShader(program, vs);
        glAttachShader(program, fs);
        glLinkProgram(program);
        why = failure(program, GL_LINK_STATUS, glGetProgramiv, glGetProgramInfoLog);
        if (!why.empty()) glDeleteProgram(program), program = 0;
    }
    if (vs) glDeleteShader(vs);
    if (fs) glDeleteShader(fs);
    if (program) return program;
    error = std::string(name) + ": " + why;
    std::fprintf(stderr, "%s\n", error.c_str());
    return 0;
}

}  // namespace nabla::gfx
