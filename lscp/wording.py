"""Words from the records set inside a sentence."""


def in_a_sentence(label):
    """A label as it reads inside a sentence: its first letter in lower case, unless its first word is a name in
    capitals ("NHS trust", "CAFCASS" stay as they are; "Local authority children's services" → "local …")."""
    if not label:
        return label
    first_word = label.split()[0]
    if sum(1 for letter in first_word if letter.isupper()) > 1:
        return label
    return label[0].lower() + label[1:]
