"""Two-factor sign-in: after their password, a person who has set it up types a code from an authenticator app on
their phone (a time-based one-time password, django-otp's TOTP device), or one of ten single-use recovery codes
(django-otp's static device).

- Staff and chairs may set it up (`rules.may_set_up`); business managers must, when
  `TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS` is on (production's default): one without it is sent to set it up
  before anything else, one with it whose session has not passed a code is asked for one (`middleware.py`).
- Signing in is two steps (`views.SignInView`, then `views.CodeView`): the password alone signs nobody in who has
  set it up; the session only remembers, for a few minutes, whose code it waits for.
- A wrong code counts as a wrong password for django-axes' lockout of the user name, and each device makes the next
  try wait longer after every wrong code (1, 2, 4 ... seconds), so a code cannot be found by trying them all.
- A business manager resets someone's two-factor sign-in from the account's admin (an action): their authenticator
  and recovery codes are removed, the account's history says who did it, and they set it up again.
"""
