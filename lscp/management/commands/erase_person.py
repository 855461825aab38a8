from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from lscp import data_protection


class Command(BaseCommand):
    help = (
        "Erases the person with this e-mail address where the law allows: their name and contact details are "
        "replaced by a placeholder in every record the partnership may let go of, and the records it must keep (its "
        "bodies' memberships and attendance, the actions it tracks, the training figures) stay, linked to the "
        "placeholder. Without --yes it only says what it would do."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The person's e-mail address (any capitals).")
        parser.add_argument("--yes", action="store_true", help="Do it (without: only say what would be done).")

    def handle(self, *args, email, yes=False, **options):
        try:
            subject, gathered = data_protection.subject_and_records(email)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        blockers, steps = data_protection.erasure_plan(subject, gathered=gathered)
        if blockers:
            raise CommandError("Nothing is erased yet:\n" + "\n".join(f"- {reason}" for reason in blockers))
        if not yes:
            self.stdout.write(f"Erasing {subject.email} would:")
            for step in steps:
                verb = "anonymise" if step.outcome == "anonymise" else "keep"
                self.stdout.write(f"- {verb} {step.title} ({step.count}): {step.explanation}")
            self.stdout.write("Run again with --yes to do it.")
            return
        try:
            done = data_protection.erase(subject)
        except ValidationError as error:
            raise CommandError("Nothing is erased:\n" + "\n".join(f"- {m}" for m in error.messages)) from error
        self.stdout.write(self.style.SUCCESS(f"Erased {subject.email} where the law allows:"))
        for line in done:
            self.stdout.write(f"- {line}")
