/*
 * SHA-256 for NativeSha256 by the host's OpenSSL libcrypto, through its EVP digest API.
 *
 * libcrypto is opened with dlopen when the class loads rather than linked, so building needs no
 * OpenSSL headers (libssl-dev) and a host without libcrypto still runs Ignite: load() answers
 * false and the JDK's SHA-256 is used. Only EVP's documented functions are called, on an opaque
 * EVP_MD_CTX that libcrypto allocates: no structure layout of OpenSSL's is assumed here.
 */
#include <dlfcn.h>
#include <jni.h>
#include <stddef.h>
#include <stdint.h>

typedef struct evp_md_ctx EVP_MD_CTX; /* opaque */
typedef struct evp_md EVP_MD;         /* opaque */
typedef struct engine ENGINE;         /* opaque, always NULL here */

static EVP_MD_CTX *(*md_ctx_new)(void);
static void (*md_ctx_free)(EVP_MD_CTX *);
static const EVP_MD *(*sha256)(void);
static int (*digest_init)(EVP_MD_CTX *, const EVP_MD *, ENGINE *);
static int (*digest_update)(EVP_MD_CTX *, const void *, size_t);
static int (*digest_final)(EVP_MD_CTX *, unsigned char *, unsigned int *);

static void *symbol(void *lib, const char *name, int *missing) {
  void *f = dlsym(lib, name);
  *missing |= f == NULL;
  return f;
}

JNIEXPORT jboolean JNICALL Java_dev_ignite_adapters_oci_manifest_NativeSha256_load(JNIEnv *env, jclass c) {
  static const char *names[] = {"libcrypto.so.3", "libcrypto.so.1.1"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    void *lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
      continue;
    }
    int missing = 0;
    md_ctx_new = (EVP_MD_CTX * (*)(void)) symbol(lib, "EVP_MD_CTX_new", &missing);
    md_ctx_free = (void (*)(EVP_MD_CTX *)) symbol(lib, "EVP_MD_CTX_free", &missing);
    sha256 = (const EVP_MD *(*)(void)) symbol(lib, "EVP_sha256", &missing);
    digest_init = (int (*)(EVP_MD_CTX *, const EVP_MD *, ENGINE *)) symbol(lib, "EVP_DigestInit_ex", &missing);
    digest_update = (int (*)(EVP_MD_CTX *, const void *, size_t)) symbol(lib, "EVP_DigestUpdate", &missing);
    digest_final = (int (*)(EVP_MD_CTX *, unsigned char *, unsigned int *)) symbol(lib, "EVP_DigestFinal_ex", &missing);
    if (!missing) {
      return JNI_TRUE;
    }
    dlclose(lib);
  }
  return JNI_FALSE;
}

static EVP_MD_CTX *context(jlong handle) {
  return (EVP_MD_CTX *) (intptr_t) handle;
}

/* A context ready for a new message, or 0 when libcrypto could not make one. */
JNIEXPORT jlong JNICALL Java_dev_ignite_adapters_oci_manifest_NativeSha256_open(JNIEnv *env, jclass c) {
  EVP_MD_CTX *ctx = md_ctx_new();
  if (ctx != NULL && digest_init(ctx, sha256(), NULL) != 1) {
    md_ctx_free(ctx);
    ctx = NULL;
  }
  return (jlong) (intptr_t) ctx;
}

JNIEXPORT jboolean JNICALL Java_dev_ignite_adapters_oci_manifest_NativeSha256_reset(JNIEnv *env, jclass c,
                                                                         jlong ctx) {
  return digest_init(context(ctx), sha256(), NULL) == 1;
}

/* The caller checked off and len against the array. */
JNIEXPORT jboolean JNICALL Java_dev_ignite_adapters_oci_manifest_NativeSha256_update(
    JNIEnv *env, jclass c, jlong ctx, jbyteArray bytes, jint off, jint len) {
  jbyte *data = (*env)->GetPrimitiveArrayCritical(env, bytes, NULL);
  if (data == NULL) {
    return JNI_FALSE; /* OutOfMemoryError is pending */
  }
  int ok = digest_update(context(ctx), data + off, (size_t) len);
  (*env)->ReleasePrimitiveArrayCritical(env, bytes, data, JNI_ABORT);
  return ok == 1;
}

JNIEXPORT jboolean JNICALL Java_dev_ignite_adapters_oci_manifest_NativeSha256_finish(JNIEnv *env, jclass c,
                                                                          jlong ctx,
                                                                          jbyteArray out) {
  unsigned char md[32];
  unsigned int n = 0;
  if (digest_final(context(ctx), md, &n) != 1 || n != 32) {
    return JNI_FALSE;
  }
  (*env)->SetByteArrayRegion(env, out, 0, 32, (const jbyte *) md);
  return JNI_TRUE;
}

JNIEXPORT void JNICALL Java_dev_ignite_adapters_oci_manifest_NativeSha256_free(JNIEnv *env, jclass c,
                                                                    jlong ctx) {
  md_ctx_free(context(ctx));
}
