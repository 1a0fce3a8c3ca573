package analyze

import (
	"slices"
	"testing"
)

// The types a note's code declares, and the test doubles it makes, are
// the book's example; a library class it makes is not.
func TestExampleTypes(t *testing.T) {
	const src = "# 6장\n\n```java\nclass UserServiceTx implements UserService {}\nTestUserService testUserService = new TestUserService(id);\nMockUserDao dao = new MockUserDao(users);\nList<User> users = new ArrayList<>();\n```\n"
	got := exampleTypes(parse("w6/x.md", src))
	for _, want := range []string{"UserServiceTx", "TestUserService", "MockUserDao"} {
		if !slices.Contains(got, want) {
			t.Errorf("exampleTypes = %v, want %s in it", got, want)
		}
	}
	if slices.Contains(got, "ArrayList") {
		t.Errorf("exampleTypes = %v: a library class the code makes is no type of the example", got)
	}
}
