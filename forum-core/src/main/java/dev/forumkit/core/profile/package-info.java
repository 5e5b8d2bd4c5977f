/**
 * Member profiles and account settings: about, location, website, signature, time zone and date format, privacy
 * choices and "last seen", with the {@code Profiles} port. Also deleting one's own account (posts stay, attributed to
 * a deleted member; personal data goes).
 */
package dev.forumkit.core.profile;
