/**
 * API keys for hosts, bots and other systems: admins make scoped guest, member and service keys, whose secrets are
 * shown once and stored hashed; adapters check a presented key and learn whom its call acts as. Service keys that act
 * as a member leave an audit entry per call.
 */
package dev.forumkit.core.apikey;
