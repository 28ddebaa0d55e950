/**
 * @file shebao/version.h
 * @brief Compile-time version of libshebao. The Makefile reads the numbers and the SONAME from here.
 */
#ifndef SHEBAO_VERSION_H
#define SHEBAO_VERSION_H

/** Major version: incompatible API changes. */
#define SHEBAO_VERSION_MAJOR 0
/** Minor version: compatible additions (while the major version is 0, a minor version may change the API:
 *  see NEWS). */
#define SHEBAO_VERSION_MINOR 2
/** Patch version: fixes. */
#define SHEBAO_VERSION_PATCH 0
/** Version as a string. */
#define SHEBAO_VERSION_STRING "0.2.0"
/** Version as one number: (major << 16) | (minor << 8) | patch. */
#define SHEBAO_VERSION_NUM ((SHEBAO_VERSION_MAJOR << 16) | (SHEBAO_VERSION_MINOR << 8) | SHEBAO_VERSION_PATCH)
/** True when the headers are at least version x.y.z. */
#define SHEBAO_AT_LEAST_VERSION(x, y, z) (SHEBAO_VERSION_NUM >= (((x) << 16) | ((y) << 8) | (z)))
/** ABI version of the shared library (its SONAME is libshebao.so.SHEBAO_SOVERSION). */
#define SHEBAO_SOVERSION 0

#endif /* SHEBAO_VERSION_H */
