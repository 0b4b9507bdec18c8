/*
 * SHA-256 for dev.ignite.adapters.oci.NativeSha256, by the host's OpenSSL libcrypto.
 *
 * libcrypto is opened with dlopen at load time rather than linked, so building needs no OpenSSL
 * headers (libssl-dev) and a host without libcrypto still runs Ignite: load() answers false and
 * the JDK's SHA-256 is used instead. The low-level SHA256_* calls go straight to OpenSSL's
 * assembly (SHA-NI where the CPU has it) without the provider machinery of EVP.
 */
#include <dlfcn.h>
#include <jni.h>
#include <stddef.h>

/* OpenSSL's public SHA256_CTX (openssl/sha.h), unchanged since 0.9.8. */
typedef struct {
  unsigned int h[8];
  unsigned int Nl, Nh;
  unsigned int data[16];
  unsigned int num, md_len;
} sha256_ctx;

static int (*sha256_init)(sha256_ctx *);
static int (*sha256_update)(sha256_ctx *, const void *, size_t);
static int (*sha256_final)(unsigned char *, sha256_ctx *);

JNIEXPORT jboolean JNICALL Java_dev_ignite_adapters_oci_manifest_NativeSha256_load(JNIEnv *env, jclass c) {
  static const char *names[] = {"libcrypto.so.3", "libcrypto.so.1.1"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    void *lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
      continue;
    }
    sha256_init = (int (*)(sha256_ctx *)) dlsym(lib, "SHA256_Init");
    sha256_update = (int (*)(sha256_ctx *, const void *, size_t)) dlsym(lib, "SHA256_Update");
    sha256_final = (int (*)(unsigned char *, sha256_ctx *)) dlsym(lib, "SHA256_Final");
    if (sha256_init != NULL && sha256_update != NULL && sha256_final != NULL) {
      return JNI_TRUE;
    }
  }
  return JNI_FALSE;
}

JNIEXPORT jint JNICALL Java_dev_ignite_adapters_oci_manifest_NativeSha256_contextSize(JNIEnv *env, jclass c) {
  return (jint) sizeof(sha256_ctx);
}

static sha256_ctx *context(JNIEnv *env, jobject buffer) {
  return (sha256_ctx *) (*env)->GetDirectBufferAddress(env, buffer);
}

JNIEXPORT void JNICALL Java_dev_ignite_adapters_oci_manifest_NativeSha256_reset(JNIEnv *env, jclass c,
                                                                     jobject ctx) {
  sha256_init(context(env, ctx));
}

/* The caller checked off and len against the array. */
JNIEXPORT void JNICALL Java_dev_ignite_adapters_oci_manifest_NativeSha256_update(JNIEnv *env, jclass c,
                                                                      jobject ctx, jbyteArray bytes,
                                                                      jint off, jint len) {
  jbyte *data = (*env)->GetPrimitiveArrayCritical(env, bytes, NULL);
  if (data == NULL) {
    return; /* OutOfMemoryError is pending */
  }
  sha256_update(context(env, ctx), data + off, (size_t) len);
  (*env)->ReleasePrimitiveArrayCritical(env, bytes, data, JNI_ABORT);
}

JNIEXPORT void JNICALL Java_dev_ignite_adapters_oci_manifest_NativeSha256_finish(JNIEnv *env, jclass c,
                                                                      jobject ctx, jbyteArray out) {
  unsigned char md[32];
  sha256_final(md, context(env, ctx));
  (*env)->SetByteArrayRegion(env, out, 0, 32, (const jbyte *) md);
}
