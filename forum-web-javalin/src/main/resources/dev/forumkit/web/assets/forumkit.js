// forumkit
