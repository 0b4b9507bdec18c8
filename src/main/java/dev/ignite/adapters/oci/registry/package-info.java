/**
 * The registry client: {@link dev.ignite.adapters.oci.registry.RegistryPuller} pulls one image's
 * manifest, config and layers into an import session over {@code java.net.http}, with token auth
 * answered only for the registry's own challenges, Docker's credentials and helpers, proxies from
 * the environment, certs.d CAs, retries and per-blob deadlines.
 */
package dev.ignite.adapters.oci.registry;
