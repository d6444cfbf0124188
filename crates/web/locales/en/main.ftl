# Interface texts of Routewijzer, English.

## Site
site-name = Routewijzer: inclusive education in the Netherlands
site-tagline = Your way forward when things get stuck at school
skip-link = Skip to content
nav-label = Main menu
nav-start = Start
nav-knowledge = Explanations
nav-glossary = Terms
nav-search = Search
lang-switch = Nederlands
lang-switch-label = Lees deze pagina in het Nederlands
footer-privacy = We keep your answers only during your visit, until 20 hours after you last did something. Then they are gone.
footer-not-advice = Routewijzer explains; it does not give legal advice. In doubt? Ask for help, for example from Onderwijsconsulenten or an ouder- en jeugdsteunpunt.
content-in-dutch = This text is only available in Dutch.
restart = Start again
back = Back

## Start page
start-title = What step can you take now?
start-lead = Are things stuck at school for your child? For example because your child does not get the support it needs, or is at home? Routewijzer shows the step you can take now.
start-what-title = What you get
start-what-1 = The step you can take now, and what may come after.
start-what-2 = Who can help, what to prepare, and what each step can and cannot achieve.
start-what-3 = Warnings and time limits, with the date by which something must be done.
start-what-4 = For every piece of advice: why you get it and where it comes from.
start-time-title = How long does it take?
start-time = You answer about 12 to 20 short questions. That takes about 10 minutes.
start-privacy-title = What happens to your answers?
start-privacy = You do not need an account. We keep your answers only during your visit. If you do nothing for 20 hours, they are gone. Want to continue later? Then save your answers as a file on your own computer or phone.
start-button = Start
start-continue = Continue with your questions
start-load = Did you save your answers before? Open your answers file.

## Questions
question-continue = Continue
question-save-check = Save and go back to the overview
question-skip = I don't know / skip
question-or = or
question-date-hint = For example 15 3 2027
date-day = Day
date-month = Month
date-year = Year
error-summary-title = There is a problem
error-prefix = Error:
error-choose-one = Choose an answer.
error-choose-some = Choose at least one answer.
error-number = Enter a number, for example 6.
error-number-range = Enter a number from { $min } to { $max }.
error-number-min = Enter a number of { $min } or more.
error-number-max = Enter a number of { $max } or less.
error-date-empty = Enter a date, for example 15 3 2027.
error-date = Enter a real date, for example 15 3 2027.
error-not-allowed = We cannot use this answer. Choose one of the answers.
answer-yes = Yes
answer-no = No
answer-skipped = I don't know
answer-none = (nothing chosen)

## Region
region-title = In which region do you live?
region-hint = The Netherlands has three regions for school holidays. The school guide (schoolgids) says which one. We ask because a time limit can end in a school holiday, and holidays differ per region.
region-noord = Region north (noord)
region-midden = Region middle (midden)
region-zuid = Region south (zuid)
region-label = Region for school holidays

## Check your answers
check-title = Are your answers right?
check-lead = Check your answers. Is something wrong? Choose "Change".
check-change = Change
check-change-label = Change: { $question }
check-submit = See your route
check-save = Save answers as a file

## Route page
route-title = Your route
route-lead = This is the advice for your answers of { $date }. Start with the step that is up now.
route-region = School holidays of region { $region }.
route-summer = The summer holiday in region { $region } starts on { $date }.
route-actions = What you can do with this route
route-change = Change answers
route-ics = Put the time limits in your calendar (file)
route-save = Save answers as a file
route-print = Tip: you can print this page. All steps are then open on paper.
route-warnings = Watch out
route-more-warnings = Also watch out
route-now = Up now
route-next = After that
route-later = Later, if needed
route-done = Already done
route-not-applicable = Not relevant now
route-not-applicable-lead = These steps do not fit your situation now. Open a step to read why.
route-deadlines = Time limits
route-letters = Letters that can help
route-articles = More explanation
route-notes = What we could not work out
status-current = Up now
status-next = After that
status-later = Maybe later
status-done = Done
status-not-applicable = Not relevant now
step-who = Who
step-prepare = What to prepare
step-can = What this step can achieve
step-cannot = What this step cannot do
step-why = Why this advice?
step-sources = Sources
step-more = More about this step
why-answers = Your answers that this is based on:
why-derived = Worked out from your answers
why-first-advised = No other step is up now. This is the first step we advise.
why-fallback = Your answers point to no other step. So the route starts here.
why-default = This step only comes up if earlier steps do not help.
confidence-m = not checked
confidence-c = sources disagree
confidence-m-long = Note: this has not been checked in an official source.
confidence-c-long = Note: sources disagree about this.
source-checked = checked on { $date }
deadline-by = By { $date } at the latest
deadline-start = Starts on: { $event }
deadline-how = How this was worked out
deadline-holiday-uncertain = These holiday dates are not certain: { $note }
deadline-in-holiday = This date is in the { $holiday }. Time limits keep running in the holidays, and committees and courts do not wait: arrange it before the holiday.
deadline-length = Time limit: { $length }
deadline-extension = Extension
nodate-start-unknown = We do not know the start date. The time limit starts: { $event }.
nodate-uncertain = This time limit is not certain enough to give a date. Please check it.
nodate-suspended = This time limit is on hold. It runs again when the procedure is over.
nodate-calendar = We could not work out a date: { $detail }
unit-days = { $n } days
unit-weeks = { $n } weeks
unit-months = { $n } months
unit-working-days = { $n } working days
unit-school-weeks = { $n } school weeks
route-incomplete = You have not answered all questions yet.

## Answers file
answers-title = Save or open your answers
answers-lead = You can save your answers as a file on your own computer or phone. We do not keep that file. Later you open it here again and continue where you were.
answers-download-title = Save
answers-download = Download your answers
answers-download-none = You have not given any answers yet.
answers-upload-title = Open
answers-upload-label = Choose your answers file
answers-upload-hint = The file is usually called routewijzer-antwoorden.json.
answers-upload-button = Open answers
answers-error-empty = Choose a file.
answers-error-not-ours = We cannot read this file. Choose the file you saved from Routewijzer before.
answers-error-question = We cannot use the answer to the question "{ $question }" in this file. Maybe the question has changed. Start again, or choose another file.
answers-error-too-big = This file is too big. An answers file is smaller than 256 kB.
answers-privacy = The file holds your answers. Keep it safe and share it only with people you trust.

## Knowledge
knowledge-title = Explanations
knowledge-lead = Read more about the steps, the organisations and the rules.
knowledge-steps = The steps of the route
knowledge-side-steps = Other ways
knowledge-organisations = Organisations
knowledge-articles = Articles
knowledge-level = Level { $level }
org-does = What they do
org-enforce = What they can enforce
org-can-enforce = This organisation can enforce a decision.
org-cannot-enforce = This organisation cannot enforce anything. It gives advice or mediates.
org-cost = Cost
org-conditions = Conditions
org-website = Website
org-phone = Phone
article-sources = Sources
step-page-who = Who helps with this step
glossary-title = Terms
glossary-lead = What do the words and abbreviations you come across mean?
glossary-more = Read more

## Search
search-title = Search
search-label = Search the explanations
search-button = Search
search-results = { $count ->
    [0] No results for "{ $query }".
    [one] 1 result for "{ $query }"
   *[other] { $count } results for "{ $query }"
}
search-none-hint = Try another word, for example "thuiszitter", "vrijstelling" or "samenwerkingsverband" (the site's content is in Dutch).
kind-step = Step
kind-organisation = Organisation
kind-article = Article
kind-glossary = Term

## Errors
error-404-title = This page does not exist
error-404 = Maybe the link is old. Go to the start page.
error-403-title = This form has expired
error-403 = Your form could not be processed because it is too old or your session has expired. Go back, reload the page and try again.
error-413-title = Too much text or a file that is too big
error-413 = What you sent is too big. A form may be at most 64 kB, an answers file at most 256 kB.
error-500-title = Something went wrong
error-500 = Something went wrong on our side. Please try again later.
error-home = Go to the start page

## Accounts
signup-title = Create an account
signup-lead = With an account you keep your case file: your answers, the events and the documents. Only you see it, until you invite someone.
signup-password-hint = At least 10 characters. A sentence of a few words is easy to remember.
signup-password-again = Password again
signup-save-intake = Keep my answers in a new case file
signup-button = Create account
signup-have-account = Already have an account? Log in.
login-title = Log in
login-button = Log in
login-no-account = No account yet? Create one.
login-error-wrong = The e-mail address or the password is not right.
login-error-throttled = A wrong password was given too often. Wait a quarter of an hour and try again.
account-title = Your account
account-email = E-mail address
account-password = Password
account-signed-in-as = You are logged in as
account-error-email = Enter a valid e-mail address, such as name@example.com.
account-error-short = Choose a password of at least { $min } characters.
account-error-mismatch = The two passwords are not the same. Type them again.
account-error-taken = There is already an account with this e-mail address. Log in with that account.
logout-button = Log out
logout-everywhere-title = Log out everywhere
logout-everywhere-lead = Logged in on another computer or phone? This logs you out everywhere.
logout-everywhere-button = Log out everywhere
account-delete-title = Delete account
account-delete-lead = Your account, your case files and all documents are deleted at once and for good. Download your case files first if you want to keep them.
account-delete-confirm = Yes, delete my account and my case files
account-delete-button = Delete account
role-owner = yours
role-read = you may read
role-contribute = you may add

## Case file
cases-title = Your case files
cases-none = You have no case file yet.
cases-new-title = New case file
cases-new-name = Name of the case file
cases-new-name-hint = For example your child's first name or nickname.
cases-new-button = Create case file
case-default-title = My case file
case-title = Case file
case-route-title = Your route
case-route-none = There are no answers in this case file yet. Answer the questions and keep your answers here.
case-todo-title = What you can do now
case-route-all = All steps
case-save-answers = Keep my new answers in this case file
case-children-title = Children
case-children-none = There is no child in this case file yet.
child-add-title = Add a child
child-name = First name or nickname
child-birth-year = Year of birth
child-school-type = Type of school
child-school-level = Group or class
child-add-button = Add child
child-error-name = Enter a first name or nickname.
child-error-year = Enter the year of birth in four digits, such as 2016.
case-timeline-title = Timeline
case-timeline-none = There is nothing on the timeline yet.
event-add-title = Add an event
event-kind = Kind
event-kind-conversation = Conversation
event-kind-email = E-mail
event-kind-letter = Letter
event-kind-decision = Decision
event-kind-report = Report
event-kind-complaint = Complaint
event-kind-meeting = Meeting
event-date = Date
event-date-hint = For example 2026-10-14.
event-title = Short description
event-notes = Notes
event-notes-hint = You can use Markdown, such as **bold** and lists with a dash.
event-file = Attachment (optional)
event-file-hint = A PDF, photo (PNG or JPG) or Word file (DOCX) of at most 8 MB.
event-add-button = Add
event-edit-link = Change
event-edit-title = Change event
event-save-button = Save
event-back = Back to the case file
event-error-kind = Choose the kind of event.
event-error-date = Enter a date that exists, such as 2026-10-14.
event-error-title = Enter a short description.
event-error-file-size = The attachment is too large. It may be at most { $mb } MB.
event-error-file-type = We cannot keep this kind of file. Choose a PDF, PNG, JPG or DOCX.
event-error-conflict = Someone else has just changed this event. Your text is still in the form. Above you see the new version. Save again if you want to keep your text.
event-conflict-theirs = The version that was just saved
case-own-data-title = Your data
case-export = Download this case file
case-delete-confirm = Yes, delete this case file with all documents
case-delete-button = Delete case file

# Letters and the plan as documents
route-plan-pdf = Download your plan (PDF)
letter-back = Back to your route
letter-lead = Fill in the details below. What we already know from your answers is filled in. Then you see the whole letter, in Dutch. You can still change anything in it. Then download the letter as a PDF or a Word file.
letter-fields-title = Details for the letter
letter-fill = Put the details in the letter
letter-fill-hint = Did you change a detail? Then press this button. The letter text is made again, and changes you made to the text yourself are lost.
letter-text-title = The letter
letter-text-later = First fill in all details and press the button. Then you see the whole letter here.
letter-subject = Subject (Betreft)
letter-text = Text of the letter
letter-text-hint = Read the letter carefully. Change what is not right or what you want to say differently. Leave an empty line between two paragraphs.
letter-nothing-stored = We do not keep this letter. Download it before you close the page.
letter-download-pdf = Download as PDF
letter-download-docx = Download as Word file
letter-sources = Sources
letter-error-missing = Fill in: { $field }
letter-subject-word = Betreft
plan-title = Your personal plan
plan-lead = Made on { $date } with Routewijzer. This plan belongs to the answers you gave then.
plan-steps = Your route: where you are now and what comes next
plan-deadlines = Deadlines
plan-warnings = Watch out
plan-footer = Routewijzer gives information, not legal advice. See the website for the explanation and the sources of each step.

## Sharing
share-title = Share case file
share-lead = Invite someone who helps you, such as an education consultant or parent adviser. You choose whether that person may only read or may also add events. You can always take it back.
share-link = Sharing and who has looked
share-who-title = Who has access
share-none = Only you.
share-state-invited = invited
share-state-active = has access
share-state-revoked = revoked
share-state-expired = expired
share-revoke = Revoke
share-invite-title = Invite someone
share-role = What may this person do?
share-role-read = Read only
share-role-contribute = Read, and add or change events
share-until = Access up to and including (optional)
share-until-hint = For example 2027-06-30. Leave empty: until you revoke access.
share-invite-button = Send invitation
share-error-role = Choose what this person may do.
share-audit-title = Who did what
share-audit-when = When
share-audit-who = Who
share-audit-what = What
share-unknown-user = a deleted account
share-mail-subject = Invitation to a case file in Routewijzer
share-mail-body = You have been invited to look at a case file in Routewijzer. Log in or create an account with this e-mail address and open: { $link }
invitation-title = Invitation
invitation-lead = You have been invited to a case file. If you accept, you will see the case file among your case files.
invitation-accept = Accept the invitation
invitation-unknown = This invitation does not exist. Check the link in the e-mail.
invitation-ended = This invitation has been revoked or has expired. Ask the parent for a new one.
invitation-used = This invitation has already been accepted by someone else.
invitation-other-address = This invitation is for another e-mail address. Log in with the address the invitation was sent to.
import-title = Restore a case file
import-label = Choose a downloaded case file
import-hint = The file is usually called routewijzer-dossier.zip. It becomes a new case file.
import-button = Restore case file
import-error-not-ours = This file is not a case file from Routewijzer, or it is damaged. Choose the ZIP file you got from "Download this case file".
import-error-attachment = An attachment in this file is too large or of a kind we do not keep. Nothing was stored.

## Second factor
login-code-title = Code from your app
login-code-label = Code
login-code-hint = The six digits your app shows for Routewijzer now. Lost your phone? Then type one of your recovery codes.
login-code-wrong = This code is not right. Check that the time on your phone is correct, and type the code the app shows now.
totp-title = Extra security with a code
totp-lead = Do you want to give a code from an app on your phone when you log in? Put this secret key in an app such as Google Authenticator, Microsoft Authenticator or FreeOTP. Then type the code the app shows.
totp-secret = Secret key:
totp-link = Or use this link in your app:
totp-on-button = Turn on extra security
totp-is-on = Extra security is on. When you log in, we also ask for a code from your app.
totp-off-button = Turn off extra security
recovery-codes-title = Your recovery codes
recovery-codes-lead = Lost your phone? Then you can log in with one of these codes instead of the code from the app. Each code works once. Write them down or print them, and keep them in a safe place. You see them only now.

## Password reset
reset-title = Forgot password
reset-lead = Enter the e-mail address of your account. You will get an e-mail with a link to choose a new password.
reset-send = Send the link
reset-sent = If there is an account with this e-mail address, you now have an e-mail with a link. The link works for one hour, once.
reset-new-password = New password
reset-save = Save new password
reset-error-link = This link no longer works. Ask for a new one below.
reset-mail-subject = New password for Routewijzer
reset-mail-body = Choose a new password with this link. The link works for one hour, once: { $link }   Did you not ask for this? Then you need not do anything.
login-forgot = Forgot your password?

## Parties
case-parties-title = School and other parties
case-parties-none = There is no school or other party in this case file yet.
party-add-title = Add a party
party-name = Name
party-role = Who is this?
party-contact = Contact details
party-holiday-contact = Reachable during holidays
party-add-button = Add party
party-error-name = Enter the name.
party-error-role = Choose who this is.
party-role-school = School
party-role-schoolbestuur = School board
party-role-swv = Samenwerkingsverband (regional partnership)
party-role-leerplichtambtenaar = Leerplichtambtenaar (attendance officer)
party-role-consulent = Onderwijsconsulent (education consultant)
party-role-verzekeraar = Insurer
party-role-jeugdhulp = Youth care or municipality
party-role-anders = Someone else

## Event dates that start deadlines
case-deadlines-title = Deadlines
event-sets-date = Is this the date asked in one of the questions?
event-sets-date-hint = For example the date of a decision. Then we count the deadlines from this date.
event-sets-date-none = No
event-error-sets-date = Choose one of the questions in the list, or "No".

## Step outcomes
outcome-label = How it went
outcome-save = Save
outcome-error = Choose how it went.
outcome-bezig = Still going on
outcome-opgelost = Solved
outcome-geen-oplossing = No solution
outcome-afgewezen = Refused
outcome-overgeslagen = Skipped
event-with = With whom

# The case dossier as PDF and ZIP.
case-dossier-pdf = Case file as PDF (to print or take along)
case-dossier-zip = Case file as PDF with all attachments (ZIP)
dossier-title = Case file of { $name }
dossier-title-plain = Case file
dossier-cover-case = Case file
dossier-cover-child = Child
dossier-cover-school = School
dossier-cover-date = Made on
dossier-cover-note = This case file was made with Routewijzer. It gives information, not legal advice. The deadlines were worked out on the day this file was made.
dossier-situation = The situation in short
dossier-route = The route: where we stand
dossier-deadlines = Deadlines
dossier-timeline = Timeline
dossier-parties = With
dossier-attachments = Attachments
dossier-col-file = File
dossier-col-type = Type
dossier-col-size = Size
dossier-col-event = With event
dossier-empty = Nothing here yet.
dossier-footer = Routewijzer · case file

# Mark a letter as sent.
letter-sent-title = I have sent this letter
letter-sent-lead = Put the letter in your case file. It goes on the timeline, with the text above.
letter-sent-date = Date sent
letter-sent-date-hint = For example 2026-11-29.
letter-sent-button = Put in case file: { $case }
letter-sent-starts = Next: { $term }. This term starts on { $from }. When you put the letter in your case file, we count the term from the date you sent it.
letter-sent-follows = Next: { $term }. This term starts on { $from }. That is not always the day you send the letter. Do you know the date? Then add it to an event in your case file.
letter-sent-error-date = The date sent is not right. Go back and fill in a date, for example 2026-11-29.
