package dev.apojwt.sample.auth;

import dev.apojwt.sample.api.AdminApi;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Operator endpoints. */
public final class AdminService implements AdminApi {
  private final UserStore users;

  public AdminService(UserStore users) {
    this.users = Objects.requireNonNull(users, "users");
  }

  @Override
  public List<UserView> users() {
    return users.all().stream()
        .map(u -> new UserView(u.username(), u.permissions()))
        .collect(Collectors.toUnmodifiableList());
  }
}
