# Writes a directory tree as a one-layer OCI image layout. Sourced by scripts/build-sample-image
# and scripts/build-kernel.
#
#   oci_layout TREE OUT CREATED_BY CONFIG_FIELDS TAG...
#
# CONFIG_FIELDS is the inside of the image config's "config" object as JSON (e.g. "Cmd":["/x"]).
# The layer is deterministic (sorted names, fixed mtimes, numeric owners), so the same tree gives
# the same digests. OUT is replaced only once everything is written.

oci_layout() {
  local tree=$1 out=$2 created_by=$3 fields=$4
  shift 4
  local work diff_id layer layer_size config config_size manifest manifest_size entries= tag
  work=$(mktemp -d "${TMPDIR:-/tmp}/ignite-oci.XXXXXX")
  mkdir -p "$work/oci/blobs/sha256"
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=posix \
    --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
    -C "$tree" -cf "$work/layer.tar" .
  diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
  gzip -n -9 "$work/layer.tar"
  layer_size=$(stat -c %s "$work/layer.tar.gz")
  layer=$(_oci_blob "$work" "$work/layer.tar.gz")

  printf '{"architecture":"amd64","os":"linux","config":{%s},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]},"history":[{"created_by":"%s"}]}' \
    "$fields" "$diff_id" "$created_by" >"$work/config.json"
  config_size=$(stat -c %s "$work/config.json")
  config=$(_oci_blob "$work" "$work/config.json")

  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%d},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%d}]}' \
    "$config" "$config_size" "$layer" "$layer_size" >"$work/manifest.json"
  manifest_size=$(stat -c %s "$work/manifest.json")
  manifest=$(_oci_blob "$work" "$work/manifest.json")

  for tag in "$@"; do
    entries+=${entries:+,}$(printf '{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%d,"platform":{"architecture":"amd64","os":"linux"},"annotations":{"org.opencontainers.image.ref.name":"%s"}}' \
      "$manifest" "$manifest_size" "$tag")
  done
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[%s]}' \
    "$entries" >"$work/oci/index.json"
  echo '{"imageLayoutVersion":"1.0.0"}' >"$work/oci/oci-layout"

  rm -rf "$out"
  mkdir -p "$(dirname "$out")"
  mv "$work/oci" "$out"
  rm -rf "$work"
  OCI_MANIFEST=$manifest OCI_LAYER_SIZE=$layer_size
}

_oci_blob() { # work dir, file -> prints the digest's hex and moves the file into the blobs
  local d
  d=$(sha256sum "$2" | cut -d' ' -f1)
  mv "$2" "$1/oci/blobs/sha256/$d"
  echo "$d"
}
