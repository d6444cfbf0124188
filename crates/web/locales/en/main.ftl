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
restart = Start again
restart-title = Start again?
restart-lead = If you start again, we delete all your answers. This cannot be undone. Do you have a case file? It stays, with the answers saved in it.
restart-keep = Do you want to keep your answers? Download them as a file first.
restart-keep-link = To your answers as a file
restart-confirm = Yes, delete everything and start again
restart-cancel = No, go back
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

## Dates as people type them: every date field reads 1-3-2027, 1 maart 2027, 1/3/27 and 2027-03-01
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-error-in-field = { $field }: { $reason }
date-error-empty = Enter a date, for example 14-10-2026.
date-error-no-year = We read { $day } { $month }, but the year is missing. Add the year, for example { $day }-{ $mm }-2026.
date-error-no-day = We read { $month } { $year }, but the day is missing. Put the day in front, for example 1-{ $mm }-{ $year }.
date-error-no-such-day = { $day } { $month } { $year } does not exist. That month has { $days } days.
date-error-no-such-day-no-year = { $day } { $month } does not exist. That month has at most { $days } days.
date-error-no-such-month = There is no month { $month }. Write the day first and then the month, for example 14-10-2026 for 14 October 2026.
date-error-unknown-month = We do not know the month "{ $name }". Write the month as a number, for example 14-10-2026, or in Dutch, for example 14 oktober 2026.
date-error-year = The year { $year } cannot be right. Write the year with four digits, for example 2026.
date-error-not-a-date = We cannot read this as a date. Write the day, the month and the year, for example 14-10-2026.

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
error-choose-alone = Choose “{ $option }” on its own, or untick it.
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
route-lead = This is the advice for your answers of { $date }.
route-region = School holidays of region { $region }.
route-summer = The summer holiday in region { $region } starts on { $date }.
route-actions = What you can do with this route
route-change = Change answers
route-ics = Put the time limits in your calendar (file)
route-save = Save answers as a file
route-print = Tip: you can print this page. All steps are then open on paper.
route-now = Up now
route-next = After that
route-later = Later, or if that does not help
route-done = Already done
route-not-applicable = Not relevant now
route-not-applicable-lead = These steps do not fit your situation now. Each step says why.
route-now-how = How is this time limit worked out?
route-now-start-unknown = We do not know yet when this time limit started.
route-now-fill-date = Do you know the date? Fill it in and we work out the time limit.
route-now-no-term = This step has no time limit that we can work out.
route-now-bring = What to bring or send
route-now-letter = Make the letter: { $title }
route-now-more = More about this step: who helps, what it can do and why
route-now-more-warnings = { $count ->
    [one] There is 1 more warning. Read it under All warnings and sources.
   *[other] There are { $count } more warnings. Read them under All warnings and sources.
}
route-later-show = { $count ->
    [one] Show 1 step for later
   *[other] Show { $count } steps for later
}
route-done-show = { $count ->
    [one] Show 1 step already done
   *[other] Show { $count } steps already done
}
route-not-applicable-show = { $count ->
    [one] Show 1 step that does not fit now
   *[other] Show { $count } steps that do not fit now
}
route-deadlines-how = What the time limits mean and how they are worked out
route-sources = All sources
route-why-more = Your answers and the sources for these reasons
route-why-all = Why this advice: your answers and the sources
route-all = All warnings and sources
route-all-show = { $count ->
    [one] Read the warning in full, with why and sources
   *[other] Read all { $count } warnings, with why and sources
}
route-why-title = Why this advice: warnings, reasons and sources
route-why-back = Back to your route
route-why-warnings = All warnings
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
glossary-from-english = From English to Dutch
glossary-from-english-lead = Know the English word? Find it here and see what it is called in Dutch, the word schools and bodies use.
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
error-unreadable-title = This case file cannot be opened right now
error-unreadable = Part of the data of this case file cannot be read right now. You did nothing wrong and nothing was deleted. The administrator can see in the log which case file it is. Please try again later or contact the administrator.

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
api-tokens-title = Keys for other programs (API)
api-tokens-lead = Do you work with another program, such as your support centre's system? With a key, that program can read your cases through the Routewijzer API. With a key to write, it can also add events. The key is secret: whoever has it sees your cases. Only give it to a program you trust. Revoke it when you no longer use it. Developers find the description of the API at /api/v1/openapi.json.
api-token-name = Name of the key
api-token-name-hint = So you can tell the keys apart, for example "Support centre system".
api-token-scope = What may the program do?
api-token-scope-read = Only read
api-token-scope-write = Read and add events
api-token-create = Make a key
api-token-new-title = Your new key
api-token-new-once = You see this key only once. Copy it into the program now.
api-token-active = { $name } ({ $scope }), made on { $date }. It works.
api-token-revoked = { $name } ({ $scope }), made on { $date }, revoked on { $revoked }. It no longer works.
api-token-revoke = Revoke
api-token-error-name = Give the key a name of at most 100 characters.
api-token-error-scope = Choose what the program may do: only read, or read and add events.
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
advice-changed-title = The advice has changed since { $date }
advice-changed-why = We have improved our information, for example after a new law or ruling. Because of that, the advice for this case file is different from last time. Read what has changed.
advice-changed-before = Before
versions-advice-title = The advice over time
versions-advice-lead = Every time the advice for this case file changed, because of new answers or because we improved our information. The newest is at the top.
versions-advice-content = information of
advice-changed-now = Now
advice-changed-step = Step to take now:
advice-changed-warnings = Watch out:
advice-changed-confirm = I have read the new advice
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
event-kind-preparation = Preparation
event-kind-note = Note
event-date = Date
event-date-hint = For example 14-10-2026 (day, month, year).
event-title = Short description
event-notes = Notes
event-notes-hint = To make a word bold, put two asterisks before and after it, like **bold**. Start a line with a dash for a list.
event-file = Attachment (optional)
event-file-hint = A PDF, photo (PNG or JPG) or Word file (DOCX) of at most 8 MB.
event-add-button = Add
event-edit-link = Change
event-edit-title = Change event
event-save-button = Save
event-back = Back to the case file
event-error-kind = Choose the kind of event.
event-error-date = Enter a date that exists, such as 14-10-2026.
event-error-title = Enter a short description.
event-error-file-size = The attachment is too large. It may be at most { $mb } MB.
event-error-file-type = We cannot keep this kind of file. Choose a PDF, PNG, JPG or DOCX.
event-error-conflict = Someone else has just changed this event. Your text is still in the form. Above you see the new version. Save again if you want to keep your text.
event-conflict-theirs = The version that was just saved
case-own-data-title = Sharing, help and your data
case-export = File to keep or move your case file
case-delete-confirm = Yes, delete this case file with all documents
case-delete-button = Delete case file

# Letters and the plan as documents
route-plan-pdf = Download your plan (PDF)
letter-back = Back to your route
letter-says-title = What the letter says
letter-stays-dutch = The letter itself is in Dutch: it goes to a Dutch school or body. The form below is in English; what you type goes into the Dutch letter, so write it in Dutch if you can.
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
share-until-hint = For example 30-6-2027 (day, month, year). Leave empty: until you revoke access.
share-until-name = Last day of access
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
import-error-not-ours = This file is not a case file from Routewijzer, or it is damaged. Choose the ZIP file you got from "File to keep or move your case file".
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
party-role-ouder = Yourself: your name and address for letters
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
case-dossier-pdf = Case file as PDF
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
letter-sent-date-hint = For example 29-11-2026 (day, month, year).
letter-sent-button = Put in case file: { $case }
letter-sent-starts = Next: { $term }. This term starts on { $from }. When you put the letter in your case file, we count the term from the date you sent it.
letter-sent-follows = Next: { $term }. This term starts on { $from }. That is not always the day you send the letter. Do you know the date? Then add it to an event in your case file.

# Letters filled from a case, and the signature.
letter-back-case = Back to case file: { $case }
letter-from-case-title = Fill in from your case file
letter-from-case = Fill in this letter with the details from case file: { $case }
letter-child-title = Which child is the letter about?
letter-signature = Under your signature
letter-signature-hint = Usually your name, and sometimes the attachments. Above this text we leave room for your signature.

# Children and parties: change and remove.
child-edit-link = Change { $name }
child-edit-title = Details of a child
child-save-button = Save
child-remove-title = Take a child out of the case file
child-remove-lead = The child leaves the case file. The timeline stays as it is.
child-remove-button = Take { $name } out of the case file
party-edit-link = Change { $name }
party-edit-title = Details of a school or party
party-save-button = Save
party-remove-title = Take a party out of the case file
party-remove-lead = The party leaves the case file. Events on the timeline then no longer show its name.
party-remove-button = Take { $name } out of the case file
case-edit-back = Back to the case file

# Versions of the answers of a case.
versions-link = Earlier versions of the answers
versions-title = Versions of the answers
versions-lead = Every time the answers are saved in the case file, we keep a new version. The old versions are kept.
versions-none = No answers have been saved in this case file yet.
versions-col-version = Version
versions-col-when = Saved on
versions-col-who = By
versions-view = View version { $version }
versions-unknown-person = a person who is no longer here
version-title = Answers, version { $version }
version-lead = Saved on { $when } by { $who }.
version-latest = This is the latest version. The route in the case file is based on it.
version-older = This is an older version. The route in the case file is based on the latest version.
version-question = Question
version-answer = Answer
version-region = Region
version-empty = There are no answers in this version.
version-back = Back to the versions

# Caseload of an advocate, the calendar feed and reminder mails.
caseload-title = Cases you help with
caseload-lead = These are the cases you help with. The case with the first deadline is at the top.
caseload-cases-title = Your cases
caseload-none = You do not help with any case yet. A parent can share a case with you, or the organisation can link you to a request for help.
caseload-role-summary = you see the summary
caseload-role-read = you may read
caseload-role-contribute = you may add to it
caseload-step = Step now
caseload-no-step = No route yet: the parent has not saved any answers.
caseload-next = First deadline
caseload-no-deadline = No deadline with a date
caseload-last-event = Last event
caseload-silence = { $count ->
    [0] today
    [one] 1 day ago
   *[other] { $count } days ago
}
caseload-no-events = Nothing on the timeline yet
caseload-silence-hidden = You see the summary only, not the timeline
caseload-upcoming-title = Deadlines in the next { $days } days
caseload-upcoming-none = There are no deadlines in the next { $days } days.
caseload-days-left = { $count ->
    [0] today
    [one] tomorrow
   *[other] in { $count } days
}
feed-title = Deadlines in your calendar
feed-lead = With a calendar address, your calendar app puts the deadlines of all these cases in your calendar. The app fetches them itself, new deadlines too. The address is secret: whoever has it sees the deadlines. Share it with no one. Revoke it when you no longer use it.
feed-new-title = Your new calendar address
feed-new-once = You see this address only once. Copy it into your calendar app now, under "add calendar from the internet" or "subscribe".
feed-url = Calendar address
feed-active = Calendar address made on { $date }. It works.
feed-revoked = Calendar address made on { $date }, revoked on { $revoked }. It no longer works.
feed-revoke = Revoke
feed-create = Make a calendar address
reminders-link = Reminders by e-mail
reminders-title = Reminders by e-mail
reminders-lead = Would you like an e-mail when a deadline in this case is about to run out? You then get one a week before the end, and another the day before.
reminders-to = The e-mail goes to { $email }. The subject of the e-mail holds no name.
reminders-helpers = Whoever helps you and has access to this case always gets these reminders.
reminders-on = Yes, send me reminders
reminders-save = Save
reminder-mail-subject = { $count ->
    [one] Reminder: tomorrow is the last day for { $term }
   *[other] Reminder: { $count } days left for { $term }
}
reminder-mail-hello = Hello,
reminder-mail-when = { $count ->
    [one] Tomorrow is the last day of a deadline in the case "{ $case }".
   *[other] In { $count } days it is the last day of a deadline in the case "{ $case }".
}
reminder-mail-term = { $term }: { $date } at the latest.
reminder-mail-link = The case says what you can do: { $link }
reminder-mail-why-owner = You get this e-mail because you switched reminders on. You can switch them off here: { $link }
reminder-mail-why-helper = You get this e-mail because you help with this case.
person-remove-confirm = Yes, take this out of the case file
person-remove-confirm-error = Tick "Yes, take this out of the case file" if you are sure.

# Figures for the organisation (figures_page.rs, figures.html).
figures-title = Figures of the organisation
figures-lead = How many families are at which step, how long children stay at home, which exemptions were proposed or given, and how procedures ended. All figures are about families with a case file. No names are in them.
figures-privacy-title = Why some figures are missing
figures-privacy = We do not show a figure below 5. It says "hidden" instead. This way nobody can tell from the figures which family it is about. Sometimes we hide a larger figure too. Otherwise you could work out the hidden figure from the total.
figures-privacy-filters = You can look at the figures per region or per type of school. A choice is only offered when that group and the rest both have at least 5 families. A figure that you could work out by subtracting two choices from each other is hidden too.
figures-filter-label = Show the figures of
figures-filter-hint = You choose one thing at a time: all families, one region or one type of school.
figures-filter-button = Show figures
figures-about-all = All families
figures-counted = Counted on { $when }. The figures are counted again every ten minutes.
figures-dimension-regio = Region
figures-dimension-schooltype = Type of school
figures-region-noord = North
figures-region-midden = Middle
figures-region-zuid = South
figures-total = Number of families
figures-too-few = There are fewer than 5 families with a case file yet. That is why we do not show figures yet.
figures-filter-unavailable = We cannot show figures for this choice: the group is too small. Choose something else.
figures-csv-link = Download these figures as a CSV file
figures-hidden = hidden
figures-other = Other
figures-table-stappen = Families per step of the route
figures-table-weken-thuis = How long the child has been at home
figures-table-vrijstellingen = Exemptions and part-time programmes
figures-table-uitkomsten = Outcomes per procedure
figures-weeks-niet-thuis-of-onbekend = Not at home, or not known
figures-weeks-0-4 = 0 to 4 weeks
figures-weeks-5-12 = 5 to 12 weeks
figures-weeks-13-26 = 13 to 26 weeks
figures-weeks-27-52 = 27 to 52 weeks
figures-weeks-53-meer = More than a year
figures-exemption-5a = Exemption 5a
figures-exemption-11g = Exemption 11g
figures-exemption-11d = Exemption 11d
figures-exemption-maatwerk = Part-time programme (maatwerk)
figures-exemption-onbekend = Exemption, kind not known
figures-exemption-none = No exemption or part-time programme
figures-stage-voorgesteld = proposed
figures-stage-toegekend = given
figures-outcome-none = No outcome yet
figures-csv-table = Table
figures-csv-block = Procedure
figures-csv-row = What
figures-csv-count = Number of families
figures-csv-total = Total

# Combined procedures (groups.rs, groups.html, groups_consent.html).
groups-title = Combine cases
groups-lead = Case files of families who gave consent, with the same school board or samenwerkingsverband. A lawyer can take such cases on together.
groups-rules = You only see groups of 2 or more case files. You can only open a case file if you already have access to it. That you looked at this page is written in the log of each case file.
groups-none = There are no groups of 2 or more case files yet.
groups-cases-caption = Case files in this group
groups-case = Case file
groups-step = Current step
groups-no-step = No route yet
groups-kind-schoolbestuur = School board
groups-kind-swv = Samenwerkingsverband
groups-consent-link = Combine cases with other families
groups-consent-title = Consent to combine cases
groups-consent-lead = Sometimes more families have a problem with the same school board or samenwerkingsverband. A lawyer can then take those cases on together. That often makes your case stronger. For this, the parents' organisation needs to know which case files belong together.
groups-consent-what-title = What the coordinator of the parents' organisation then sees
groups-consent-what-title-of-case = The name of your case file.
groups-consent-what-parties = The name of the school board and the samenwerkingsverband in your case file.
groups-consent-what-step = Which step of the route you are at now.
groups-consent-who = Only the coordinator sees this, and only when another family with the same school board or samenwerkingsverband gave consent too. The coordinator may then contact you.
groups-consent-not = Other families see nothing of your case file. The coordinator does not see your timeline, letters or attachments, unless you share them separately.
groups-consent-withdraw = You can withdraw your consent at any time. Your case file is then taken out of every group at once. Giving and withdrawing are written in the log of your case file.
groups-consent-now-title = Your choice now
groups-consent-given = You have given consent.
groups-consent-not-given = You have not given consent.
groups-consent-question = May the parents' organisation combine your case file with those of other families?
groups-consent-yes = Yes, that is fine
groups-consent-no = No, rather not
groups-consent-save = Save my choice
groups-consent-error = Choose yes or no.

# Organisation accounts and help requests (org.rs, help.rs).
role-summary = you may read the summary
org-title = Parents' organisation
org-your-role = Your role:
org-role-volunteer = volunteer
org-role-coordinator = coordinator
org-role-admin = administrator
org-role-none = no role (no longer a member)
org-back = Back to the parents' organisation
org-denied-title = Only for the parents' organisation
org-denied = This page is only for people who work for the parents' organisation, with the role it needs. Do you think you should see this page? Ask the organisation's administrator.
org-needs-totp = You are a { $role } at the parents' organisation. For that, two-step login must be on. Switch it on below. Then you can use the organisation's pages.
org-members-title = Members of the parents' organisation
org-members-lead = Here you decide who works for the parents' organisation, and in which role. A volunteer helps the parents assigned to them. A coordinator sees all help requests and assigns volunteers. An administrator can also add and remove members. Every role needs two-step login.
org-members-list-title = Who is a member
org-members-none = There are no members yet.
org-member-no-totp = two-step login is still off
org-member-you = that is you
org-member-change-label = Role of { $email }
org-member-change-button = Save the role
org-member-add-title = Add someone
org-member-add-lead = The person first makes an account in Routewijzer. Then fill in the e-mail address of that account here.
org-member-role = Role
org-member-add-button = Add
org-member-saved = { $email } is now { $role }.
org-member-removed = { $email } is no longer a member.
org-error-no-account = There is no account with this e-mail address. Ask the person to make an account first.
org-error-role = Choose a role.
org-error-last-admin = This is the last administrator. First make someone else an administrator.
help-route-link = Need help? Ask the parents' organisation
help-case-link = Ask the parents' organisation for help
help-start-title = Asking the parents' organisation for help
help-start-lead = Volunteers of the parents' organisation can think along and read along with you. You decide what they see of your case file. You can always stop the help.
help-start-need-account = To ask for help you need an account and a case file. Then the volunteer can see what it is about, without you having to tell everything again. Making an account is free and takes a few minutes.
help-start-signup = Make an account
help-start-login = Log in if you already have an account
help-start-need-case = You do not have a case file yet. First make a case file and save your answers in it. Then you can ask for help from the case file.
help-start-make-case = To your case files
help-start-choose = For which case file do you want to ask for help?
help-start-case-link = Ask for help with { $title }
help-case-title = Help from the parents' organisation
help-case-lead = A volunteer of the parents' organisation can think along with you. You choose what the volunteer may see. You can change that later, or stop the help. The overview of who looked shows every time someone looks at your case file.
help-case-ended = You asked for help before and stopped it. You can ask for help again.
help-case-preview-link = See the summary the volunteer sees
help-case-audit-link = See who looked at your case file
help-ask-title = Ask for help
help-level-legend = What may the volunteer see?
help-level-change-legend = What may the volunteer see?
help-level-summary = Only a summary
help-level-summary-hint = Your situation in short, the step you are at and the next deadlines. Not your timeline, notes, attachments or letters.
help-level-read = Read the whole case file
help-level-read-hint = The volunteer may read everything in the case file, the timeline and attachments too. The volunteer cannot change anything.
help-message = Your message (if you like)
help-message-hint = Write briefly what you would like help with. For example: preparing a meeting with the school.
help-ask-button = Ask for help
help-open-title = Your help request of { $date }
help-helper = { $email } is helping you.
help-no-helper-yet = No volunteer has been chosen yet. The coordinator chooses someone.
help-shared-now = Shared:
help-your-message = Your message:
help-level-button = Save what the volunteer may see
help-revoke-title = Stop the help
help-revoke-lead = When you stop the help, nobody of the parents' organisation can see your case file or the summary any more.
help-revoke-button = Stop the help
help-error-level = Choose what the volunteer may see.
help-error-message-long = Your message is too long. Use at most { $max } characters.
help-unknown-person = a person who is no longer here
help-mail-new-subject = New help request in Routewijzer
help-mail-new-body = A parent asked for help. Look at the help request and choose a volunteer: { $link }
help-mail-assigned-subject = You are helping a parent through Routewijzer
help-mail-assigned-body = The coordinator gave you a help request. You find it here: { $link }
help-summary-title = Summary of a case file
help-summary-title-of = Summary: { $title }
help-summary-lead = This is what the parent shares with you: the situation in short, the step the parent is at and the next deadlines.
help-summary-no-answers = No answers have been saved in this case file yet, so there is no summary yet.
help-summary-step = The current step
help-summary-deadlines = The next deadlines
help-summary-no-deadlines = There are no deadlines with a date.
help-summary-situation = The situation in short
help-summary-open-case = Open the whole case file
help-inbox-title = Help requests
help-inbox-lead = The help requests that are still open, newest first. Open the summary to see what it is about, and choose a volunteer.
help-inbox-none = There are no help requests.
help-inbox-pages = Page { $page } of { $last }
help-inbox-pages-label = Pages of help requests
help-inbox-previous = Previous page
help-inbox-next = Next page
help-asked-on = Asked on { $date }.
help-inbox-summary-link = Summary of { $title } ({ $ref })
help-inbox-assigned = { $email } is helping.
help-inbox-assign-label = Who helps this parent?
help-inbox-assign-button = Assign
help-assigned-notice = The help request was given to { $email }.
help-mine-title = My help requests
help-mine-lead = The parents you help. With a summary you only see what the parent shares.
help-mine-none = You have no help requests now.
case-letters-title = Letters for your route
case-letters-lead = These letters fit the route of this case file. What the case file already knows, such as your child's name and the school, is already filled in.

## Look of the new pages (headings and texts for the coordinator)
case-delete-title = Delete this case file
help-inbox-nobody = Nobody chosen yet.

# The summary for its owner, and choosing a helper in the inbox.
help-summary-lead-owner = This is what your helper sees when you share only a summary: the situation in short, the step you are at and the next deadlines.
help-inbox-choose = Choose someone
help-inbox-choose-first = First choose who helps this parent. Nothing has changed.

# The reference of a case in the organisation's lists, and the downloads of a case.
case-ref = Case number { $ref }
help-case-ref-hint = Mention this number when you mail or call the parents' organisation. Then they know which case file it is about. The number says nothing about your child.
case-downloads-title = Download
case-dossier-pdf-hint = To print, or to send to, for example, a consultant or lawyer.
case-dossier-zip-hint = The same PDF, with all attachments in one ZIP file. Useful when the other person also needs to see your letters and reports.
case-export-hint = Use this to move your case file to another Routewijzer, or to keep a backup. This file is not for reading. You can put it back later with "Restore a case file".

# Preparing a conversation of the route (/dossiers/{case}/gesprek/{step})
talk-title = Prepare the conversation: { $step }
talk-with = You will talk with
talk-pdf-link = Download this preparation as a PDF to print
talk-goal-title = Your goal for this conversation
talk-goal-label = What do you want to achieve in this conversation? Write it in your own words.
talk-goal-hint = For example: "I want my child to get help with reading every day."
talk-goal-save = Save your goal
talk-goal-empty = No goal has been written down yet.
talk-agenda-title = Agenda
talk-purpose-title = What the conversation is about
talk-todo-title = What you arrange beforehand
talk-promised-title = What was agreed before
talk-promised-line = { $text } (conversation of { $on }: { $title })
talk-promised-line-by = { $text }, by { $by } (conversation of { $on }: { $title })
talk-deadlines-title = Deadlines
talk-company-title = Who may come along?
talk-bring-title = What do you bring?
talk-questions-title = Questions you can ask
talk-report-title = Ask for a written report
talk-sources-title = Sources
talk-notes-title = Notes during the conversation
talk-pdf-footer = Routewijzer · Preparing a conversation · This is an explanation, not legal advice.
talk-none = Nothing yet.
talk-report-form-title = How did the conversation go?
talk-report-lead = Write down what was agreed. The conversation goes on the timeline of your case file. The outcome plans your route again.
talk-date = Date of the conversation
talk-present = Who was there?
talk-agreements-legend = What did you agree?
talk-agreements-hint = One agreement per row. Is there a date with it? Fill that in too. Empty rows are skipped.
talk-agreement-n = Agreement { $n }
talk-agreement-by-n = By which date? (agreement { $n })
talk-more-rows = More rows
talk-outcome-legend = What is the outcome of this step?
talk-outcome-date = Date with the outcome
talk-outcome-date-hint = Only when the outcome asks for a date, for example the date on a decision.
talk-save = Save the conversation
talk-back = Back to the case file
talk-error-step = This step no longer exists.
talk-error-agreement-text = Agreement { $n }: you filled in a date but no agreement. Write down what was agreed, or clear the date.
case-agreed-title = Agreed in a conversation, with a date
case-talk-link = Prepare the conversation
own-words-title = Tell us in your own words what is going on
own-words-label = What is going on at school with your child?
own-words-hint = Write it as you would tell someone, for example: "My son has been at home for 5 weeks. The school wants us to apply for an exemption." Spelling does not matter. We turn it into proposed answers. You check every answer yourself. Only Dutch is read.
own-words-button = Read my text
own-words-error-empty = First write what is going on, or start with the questions
own-words-error-too-long = Your text is too long: { $chars } characters. Make it shorter than { $max } characters. Write only what matters most now
own-words-none-title = We could not take any answers from your text yet
own-words-none = That is fine. Answer the questions one by one. Did you write in another language than Dutch? This only reads Dutch.
own-words-to-questions = Start with the questions
own-words-read-title = This is what we read in your text
own-words-read-lead = We used the marked words for a proposal.
own-words-proposals-title = Our proposals for your answers
own-words-confirm = These are not answers yet. Each question shows our proposal filled in. Is it right? Then choose Continue. Is it wrong? Change the answer. You answer the other questions as usual.
own-words-check-button = Check the proposals
own-words-again-title = Do you want to add or change something?
own-words-privacy-title = What happens to your text?
own-words-privacy = Your text is read only on our own server, without other services or companies. We do not keep your text, unless you put it in your case file as a note yourself. During your visit we only remember the words we took a proposal from, so that you see them again at the question.
own-words-keep-title = Keep your text
own-words-keep-lead = Do you want to keep your text? Then put it in your case file as a note. It goes on the timeline, with today's date. We only keep it when you press one of these buttons.
own-words-keep-button = Keep as a note in { $case }
own-words-keep-account = Keeping your text needs an account. We do not keep your text: it is only in the box above. Do you want to keep it? Copy it first, before you make an account or log in.
own-words-keep-sign-up = Make an account
own-words-keep-log-in = Log in
own-words-keep-no-case = You have no case file yet. Make a case file first. Copy your text first, because we do not keep it.
own-words-keep-new-case = To your case files
own-words-save-error-empty = First write your text in the box, then keep it
own-words-note-title = In my own words
own-words-saved-title = Your text is in your case file
own-words-saved = We put your text on the timeline of your case file as a note, with today's date. We keep it nowhere else.
own-words-saved-case = See the timeline of the case file
own-words-saved-questions = Continue with the questions
question-proposal = We filled in this answer from what you wrote:
question-proposal-confirm = Is it right? Then choose Continue. Is it wrong? Change the answer.
start-own-words = Would you rather first tell us what is going on? Then we fill in some of the questions for you.
start-own-words-button = Tell it in your own words
