/*
 * gzip decompression for dev.ignite.adapters.oci.NativeGunzip, by Intel's ISA-L (Debian libisal2),
 * about 3x zlib's speed on layers. The Java side owns the buffers and the loop; this file only
 * runs isal_inflate over the ranges it is given. Built only where libisal-dev is installed;
 * without the library the JDK's GZIPInputStream is used.
 */
#include <isa-l/igzip_lib.h>
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>

static struct inflate_state *state(jlong handle) {
  return (struct inflate_state *) (intptr_t) handle;
}

/* A new inflater for one gzip member (header and trailer checked, the CRC included). */
JNIEXPORT jlong JNICALL Java_dev_ignite_adapters_oci_unpack_NativeGunzip_open(JNIEnv *env, jclass c) {
  struct inflate_state *s = malloc(sizeof *s);
  if (s == NULL) {
    return 0;
  }
  isal_inflate_init(s);
  s->crc_flag = ISAL_GZIP;
  return (jlong) (intptr_t) s;
}

/* Starts the next gzip member of a multi-member stream on the same state. */
JNIEXPORT void JNICALL Java_dev_ignite_adapters_oci_unpack_NativeGunzip_reset(JNIEnv *env, jclass c,
                                                                    jlong handle) {
  isal_inflate_reset(state(handle));
  state(handle)->crc_flag = ISAL_GZIP;
}

JNIEXPORT void JNICALL Java_dev_ignite_adapters_oci_unpack_NativeGunzip_free(JNIEnv *env, jclass c,
                                                                   jlong handle) {
  free(state(handle));
}

/*
 * Inflates from in[inOff, inOff + inLen) into out[outOff, outOff + outLen); the caller checked
 * both ranges. Writes {consumed, produced, finished, header read} into result and returns isal's
 * status.
 */
JNIEXPORT jint JNICALL Java_dev_ignite_adapters_oci_unpack_NativeGunzip_inflate(
    JNIEnv *env, jclass c, jlong handle, jbyteArray in, jint inOff, jint inLen, jbyteArray out,
    jint outOff, jint outLen, jintArray result) {
  struct inflate_state *s = state(handle);
  jbyte *src = (*env)->GetPrimitiveArrayCritical(env, in, NULL);
  if (src == NULL) {
    return ISAL_INVALID_STATE;
  }
  jbyte *dst = (*env)->GetPrimitiveArrayCritical(env, out, NULL);
  if (dst == NULL) {
    (*env)->ReleasePrimitiveArrayCritical(env, in, src, JNI_ABORT);
    return ISAL_INVALID_STATE;
  }
  s->next_in = (uint8_t *) src + inOff;
  s->avail_in = (uint32_t) inLen;
  s->next_out = (uint8_t *) dst + outOff;
  s->avail_out = (uint32_t) outLen;
  int status = isal_inflate(s);
  /* wrapper_flag: the member's gzip header has been read whole */
  jint r[4] = {inLen - (jint) s->avail_in, outLen - (jint) s->avail_out,
               s->block_state == ISAL_BLOCK_FINISH, s->wrapper_flag != 0};
  (*env)->ReleasePrimitiveArrayCritical(env, out, dst, 0);
  (*env)->ReleasePrimitiveArrayCritical(env, in, src, JNI_ABORT);
  (*env)->SetIntArrayRegion(env, result, 0, 4, r);
  return status;
}
