package dev.forumkit.core.alert;

/** How a member wants to hear about one kind of alert. {@code EMAIL} means on the site and by e-mail. */
public enum Delivery {
    OFF, ON_SITE, EMAIL;

    public boolean onSite() {
        return this != OFF;
    }
}
