# Wspólne dla wszystkich stron: układ, przełącznik języka, etykiety zapisanych wartości.
# Słownictwo, forma zwracania się do czytelnika i zapis operacji: GLOSSARY.md.

app-name = PartnerDesk
page-title = { $title } · PartnerDesk
skip-to-content = Przejdź do treści
sign-out = Wyloguj
nav-main = Menu główne
nav-customers = Klienci
nav-users = Użytkownicy
nav-activity = Dziennik aktywności
nav-password = Zmień hasło
nav-api-keys = Klucze API

language-label = Język
language-submit = Zmień język
language-en-US = English
language-pl-PL = Polski

Role-global_admin = Administrator globalny
Role-admin_agent = Agent administracyjny
Role-sales_agent = Agent sprzedaży
Role-helpdesk_agent = Agent pomocy technicznej
Role-billing_admin = Administrator rozliczeń
Role-user_management_admin = Administrator zarządzania użytkownikami
PartnerKind-direct = Partner bezpośredni
PartnerKind-indirect_provider = Dostawca pośredni
PartnerKind-indirect_reseller = Odsprzedawca pośredni
# Stan subskrypcji: przymiotniki w rodzaju żeńskim (subskrypcja), jak w kolumnie Stan.
SubscriptionStatus-active = Aktywna
SubscriptionStatus-suspended = Wstrzymana
SubscriptionStatus-deleted = Anulowana
SubscriptionStatus-expired = Wygasła
CommerceType-legacy = Starsza wersja
CommerceType-new_commerce = Nowe środowisko handlowe
Term-P1M = 1 miesiąc
Term-P1Y = 1 rok
Term-P3Y = 3 lata

error-title-bad-request = Nieprawidłowe żądanie
error-title-forbidden = Brak uprawnień
error-title-not-found = Nie znaleziono
error-title-conflict = Tej operacji nie można teraz wykonać
error-title-unprocessable = Nieprawidłowe dane
error-title-precondition = Zmieniono w międzyczasie
error-title-sign-in = Logowanie
error-title-unavailable = Usługa zajęta
error-title-too-many = Zbyt wiele prób
error-title-body-timeout = Zbyt wolne żądanie
error-title-internal = Błąd
error-back-to-customers = Wróć do listy klientów
term-unknown = nieznany

# Operacje dziennika aktywności: rzeczowniki odczasownikowe (co zostało zrobione), nie polecenia.
op-remove_partner_customer_relationship = Usunięcie relacji odsprzedawcy
op-update_subscription = Zmiana stanu subskrypcji
op-create_subscription = Dodanie subskrypcji
op-cancel_reservation = Anulowanie rezerwacji platformy Azure
op-cancel_software_purchase = Anulowanie zakupu oprogramowania
op-create_relationship_request = Utworzenie żądania relacji odsprzedawcy
op-revoke_relationship_request = Odwołanie żądania relacji
op-accept_relationship_request = Akceptacja żądania relacji
op-remove_delegated_admin = Usunięcie delegowanych uprawnień administratora
op-update_support_contact = Zmiana kontaktu pomocy technicznej
op-login_succeeded = Logowanie
op-login_failed = Nieudane logowanie
op-logout = Wylogowanie
op-change_password = Zmiana hasła
op-create_user = Dodanie użytkownika
op-update_user_roles = Zmiana ról użytkownika
op-disable_user = Wyłączenie użytkownika
op-enable_user = Włączenie użytkownika
op-reset_password = Zresetowanie hasła
op-update_user_locale = Zmiana języka
op-enrol_second_step = Konfiguracja logowania dwuetapowego
op-reset_second_step = Zresetowanie logowania dwuetapowego
op-create_api_key = Utworzenie klucza API
op-revoke_api_key = Odwołanie klucza API
op-authz_denied = Odmowa dostępu
op-csrf_rejected = Odrzucenie sfałszowanego żądania

# Cykle rozliczeniowe (po „rozliczenie”: „1 rok, rozliczenie roczne”)
billing-monthly = miesięczne
billing-annual = roczne
billing-triennial = co trzy lata
busy = Trwa przetwarzanie…
toast-close = Zamknij ten komunikat

# Żądania relacji: przedłużenie i ponowne wysłanie
op-extend_relationship_request = Przedłużenie żądania relacji
op-resend_relationship_request = Ponowne wysłanie żądania relacji

# Wartości zapisane w dzienniku aktywności: `audit-key-<klucz>` to etykieta klucza z „klucz: wartość”,
# `audit-value-<klucz>-<wartość>` (lub `audit-value-<słowo>`) jedna z jego wartości. $type to typ
# zasobu wpisu: przymiotnik zgadza się z nim (subskrypcja i rezerwacja: ż., zakup: m.).
audit-key-status = Stan
audit-key-relationship = Relacja
audit-key-delegated-admin = Delegowane uprawnienia administratora
audit-key-support-contacts-removed = Usunięte kontakty pomocy technicznej
audit-key-locale = Język
audit-key-roles = Role
audit-key-sessions-ended = Zakończone sesje
audit-key-offer = Oferta
audit-key-quantity = Liczba
audit-key-term = Okres
audit-key-expires = Wygasa
audit-key-name = Nazwa
audit-key-email = Adres e-mail
audit-key-failures = Nieudane logowania
audit-key-two-step-sign-in = Logowanie dwuetapowe
audit-key-recovery-codes = Kody odzyskiwania
audit-value-status-active = { $type ->
    [software_purchase] Aktywny
    [azure_savings_plan] Aktywny
   *[other] Aktywna
}
audit-value-status-suspended = Wstrzymana
audit-value-status-deleted = Anulowana
audit-value-status-expired = Wygasła
audit-value-status-cancelled = { $type ->
    [software_purchase] Anulowany
    [azure_savings_plan] Anulowany
   *[other] Anulowana
}
audit-value-relationship-reseller = Odsprzedawca
audit-value-relationship-none = Brak
audit-value-delegated-admin-on = Włączone
audit-value-delegated-admin-off = Wyłączone
audit-value-locale-none = Nie wybrano
audit-value-locale-en-US = Angielski
audit-value-locale-pl-PL = Polski
audit-value-none = Brak
audit-value-active = { $type ->
    [user] Aktywny
    [api_key] Aktywny
   *[other] Aktywne
}
audit-value-disabled = Wyłączony
audit-value-revoked = { $type ->
    [api_key] Odwołany
   *[other] Odwołane
}
audit-value-pending = Oczekujące
audit-key-recovery-codes-issued = Wydane kody odzyskiwania
audit-key-codes-left = Pozostałe kody odzyskiwania
audit-key-API-keys-revoked = Odwołane klucze API
audit-key-expired-sessions-removed = Usunięte wygasłe sesje
audit-key-expired-invitations-removed = Usunięte wygasłe zaproszenia
audit-value-two-step-sign-in-not-set-up = Nieskonfigurowane
audit-value-two-step-sign-in-set-up = Skonfigurowane
audit-value-two-step-sign-in-being-set-up = W trakcie konfiguracji
audit-value-two-step-sign-in-authenticator-app = Aplikacja uwierzytelniająca
audit-value-two-step-sign-in-to-be-set-up-at-the-next-sign-in = Do skonfigurowania przy następnym logowaniu
audit-value-roles-none = Brak
audit-value-unknown-account = Nieznane konto
audit-value-account-locked = Konto zablokowane
audit-value-account-disabled = Konto wyłączone
audit-value-wrong-password = Nieprawidłowe hasło
audit-value-one-time-password-expired = Hasło jednorazowe wygasło
audit-value-wrong-code-while-setting-up-two-step-sign-in = Nieprawidłowy kod podczas konfiguracji logowania dwuetapowego
audit-value-authenticator-code-used-before = Kod z aplikacji uwierzytelniającej został już użyty
audit-value-wrong-authenticator-code = Nieprawidłowy kod z aplikacji uwierzytelniającej
audit-value-wrong-recovery-code = Nieprawidłowy kod odzyskiwania
audit-value-password-and-authenticator-code = Hasło i kod z aplikacji uwierzytelniającej
audit-value-password-and-new-authenticator-app = Hasło i nowa aplikacja uwierzytelniająca
audit-value-password-and-recovery-code = Hasło i kod odzyskiwania
audit-value-one-time-password-replaced-at-sign-in = Zmiana hasła jednorazowego przy logowaniu
audit-value-password-changed = Zmiana hasła
audit-value-all-sessions-ended = Zakończenie wszystkich sesji
audit-value-one-time-password-issued = Wydanie hasła jednorazowego
audit-value-sign-in-lock-cleared = Zdjęcie blokady logowania
audit-value-no-relationship = Brak relacji
audit-value-with-delegated-admin-privileges = Z delegowanymi uprawnieniami administratora
audit-value-without-delegated-admin-privileges = Bez delegowanych uprawnień administratora
audit-value-earlier-link = Poprzedni link
audit-value-new-link = Nowy link
audit-key-customer = Klient
audit-key-organisation = Organizacja
audit-key-sent-to = Wysłano do
audit-value-customer-new = Nowy klient
audit-key-auto-renew = Automatyczne odnawianie
audit-value-auto-renew-on = Włączone
audit-value-auto-renew-off = Wyłączone
audit-value-refunded = ze zwrotem środków
op-request_removal = Prośba o usunięcie relacji

# Scheduled removal in the activity log
op-schedule_removal = Zaplanowanie usunięcia
op-cancel_removal_schedule = Anulowanie zaplanowanego usunięcia
op-run_scheduled_removal = Wykonanie zaplanowanego usunięcia
audit-key-scheduled-removal = Zaplanowane usunięcie
audit-key-removal-date = Data usunięcia
audit-value-scheduled-removal-none = Brak
audit-value-scheduled-removal-pending = Oczekuje
audit-value-scheduled-removal-cancelled = Anulowane
audit-value-scheduled-removal-removed = Relacja usunięta
audit-value-scheduled-removal-refused = Niewykonane

# Plany oszczędnościowe platformy Azure
op-cancel_savings_plan = Anulowanie planu oszczędnościowego platformy Azure
# Second-person approval of a removal in the activity log
op-update_partner_settings = Zmiana ustawień partnera
op-request_removal_approval = Prośba o zatwierdzenie usunięcia
op-approve_removal = Zatwierdzenie usunięcia
op-reject_removal = Odrzucenie usunięcia
op-withdraw_removal_approval = Wycofanie prośby o usunięcie
audit-key-second-approval-for-removal = Usunięcie zatwierdza drugi administrator globalny
audit-value-second-approval-for-removal-on = Włączone
audit-value-second-approval-for-removal-off = Wyłączone
audit-key-removal-approval = Zatwierdzenie usunięcia
audit-value-removal-approval-none = Brak
audit-value-removal-approval-pending = Oczekuje
audit-value-removal-approval-approved = Zatwierdzone
audit-value-removal-approval-rejected = Odrzucone
audit-value-removal-approval-withdrawn = Wycofane
audit-key-requested-by = Prośba od
audit-key-approved-by = Zatwierdził(a)
audit-key-rejected-by = Odrzucił(a)
audit-key-reason = Powód
op-create_granular_admin_relationship = Utworzenie relacji GDAP
op-request_granular_admin_relationship_approval = Wysłanie relacji GDAP do zatwierdzenia
op-approve_granular_admin_relationship = Zatwierdzenie relacji GDAP
op-decline_granular_admin_relationship = Odrzucenie relacji GDAP
op-terminate_granular_admin_relationship = Zakończenie relacji GDAP
op-update_granular_admin_relationship_auto_extend = Zmiana automatycznego przedłużania GDAP
op-granular_admin_relationship_expiring = Relacja GDAP wkrótce wygaśnie
op-extend_granular_admin_relationship = Przedłużenie relacji GDAP
op-expire_granular_admin_relationship = Wygaśnięcie relacji GDAP
audit-key-duration = Czas trwania
audit-key-auto-extend = Automatyczne przedłużanie
audit-key-Entra-roles = Role Entra
audit-key-ends = Koniec
audit-value-status-created = Utworzona
audit-value-status-approvalPending = Oczekuje na zatwierdzenie
audit-value-status-expiring = Wygasa
audit-value-status-terminated = Zakończona
audit-value-auto-extend-P180D = 180 dni
audit-value-auto-extend-PT0S = Wyłączone
gdap-status-created = Utworzona
gdap-status-approvalPending = Oczekuje na zatwierdzenie
gdap-status-approved = Zatwierdzona
gdap-status-activating = Aktywowanie
gdap-status-active = Aktywna
gdap-status-expiring = Wygasa
gdap-status-expired = Wygasła
gdap-status-terminationRequested = Zażądano zakończenia
gdap-status-terminating = Kończenie
gdap-status-terminated = Zakończona
nav-gdap = Relacje GDAP
audit-key-GDAP-relationships-terminated = Zakończone relacje GDAP
op-create_security_group = Utworzenie grupy zabezpieczeń
op-rename_security_group = Zmiana nazwy grupy zabezpieczeń
op-delete_security_group = Usunięcie grupy zabezpieczeń
op-add_security_group_member = Dodanie członka grupy zabezpieczeń
op-remove_security_group_member = Usunięcie członka grupy zabezpieczeń
op-create_granular_admin_access_assignment = Utworzenie przypisania dostępu GDAP
op-update_granular_admin_access_assignment = Zmiana przypisania dostępu GDAP
op-delete_granular_admin_access_assignment = Usunięcie przypisania dostępu GDAP
op-create_customer_admin = Dodanie administratora klienta
mail-customer-removed-subject = { $partner } nie jest już Państwa odsprzedawcą
mail-customer-removed-body = Firma { $partner } usunęła relację odsprzedawcy z { $customer }. Nie jest już Państwa kontaktem pomocy technicznej i nie może już kupować w Państwa imieniu.{ $dap ->
    [1] { " " }Jej delegowane uprawnienia administratora w Państwa dzierżawie zostały odwołane.
   *[other] {""}
}{ $gdap ->
    [0] {""}
    [one] { " " }Zakończyła też swoją relację GDAP z Państwem.
   *[other] { " " }Zakończyła też swoje relacje GDAP z Państwem (liczba: { $gdap }).
}
mail-link-tenant = Państwa partnerzy: { $link }
mail-gdap-approval-subject = Firma { $partner } prosi o dostęp administracyjny do Państwa dzierżawy (GDAP)
mail-gdap-approval-body = Firma { $partner } prosi o zatwierdzenie relacji GDAP „{ $name }”, która daje jej użytkownikom wybrane role administracyjne w Państwa dzierżawie na { $days } dni. Nic się nie zmieni, dopóki jeden z Państwa administratorów jej nie zatwierdzi; można ją też odrzucić.
mail-link-gdap-approval = Szczegóły i decyzja: { $link }
mail-customer-scheduled-subject = Firma { $partner } zaplanowała usunięcie relacji odsprzedawcy na { $date }
mail-customer-scheduled-body = Firma { $partner } zaplanowała usunięcie relacji odsprzedawcy z { $customer } na { $date }. Od tego dnia nie będzie już Państwa kontaktem pomocy technicznej i nie będzie mogła kupować w Państwa imieniu. Do tego czasu nic się nie zmienia, a firma { $partner } może jeszcze anulować usunięcie.
mail-customer-schedule-cancelled-subject = Firma { $partner } anulowała usunięcie relacji odsprzedawcy
mail-customer-schedule-cancelled-body = Firma { $partner } anulowała usunięcie relacji odsprzedawcy z { $customer } zaplanowane na { $date }. Relacja pozostaje bez zmian.
mail-customer-gdap-approved-subject = Zatwierdzono relację GDAP „{ $name }” z firmą { $partner }
mail-customer-gdap-approved-body = Użytkownik { $user } zatwierdził relację GDAP „{ $name }”. Użytkownicy firmy { $partner } mają jej role administracyjne w Państwa dzierżawie do { $date }.
mail-customer-gdap-declined-subject = Odrzucono prośbę firmy { $partner } o relację GDAP „{ $name }”
mail-customer-gdap-declined-body = Użytkownik { $user } odrzucił relację GDAP „{ $name }”, o którą prosiła firma { $partner }. Nie daje ona firmie { $partner } żadnych ról administracyjnych w Państwa dzierżawie.
mail-customer-gdap-terminated-subject = Zakończono relację GDAP „{ $name }” z firmą { $partner }
mail-customer-gdap-terminated-body = Użytkownik { $user } zakończył relację GDAP „{ $name }” z firmą { $partner }. Jej role nie dają już użytkownikom firmy { $partner } dostępu do Państwa dzierżawy.
mail-customer-gdap-ending-subject = Relacja GDAP „{ $name }” z firmą { $partner } kończy się { $date }
mail-customer-gdap-ending-body = Relacja GDAP „{ $name }”, która daje użytkownikom firmy { $partner } role administracyjne w Państwa dzierżawie, kończy się { $date }. Jeśli nie przedłuża się automatycznie, a firma { $partner } nadal potrzebuje dostępu, poprosi Państwa o zatwierdzenie nowej. Można ją też zakończyć wcześniej.
mail-customer-gdap-extended-subject = Relacja GDAP „{ $name }” z firmą { $partner } przedłużona do { $date }
mail-customer-gdap-extended-body = Relacja GDAP „{ $name }” z firmą { $partner } przedłużyła się automatycznie o 180 dni, zgodnie z ustawieniem z chwili zatwierdzenia. Kończy się teraz { $date }; można ją zakończyć wcześniej.
mail-customer-gdap-expired-subject = Relacja GDAP „{ $name }” z firmą { $partner } wygasła
mail-customer-gdap-expired-body = Relacja GDAP „{ $name }” z firmą { $partner } wygasła { $date }. Jej role nie dają już użytkownikom firmy { $partner } dostępu do Państwa dzierżawy.
op-reset_customer_admin_password = Zresetowanie hasła administratora klienta
op-reset_customer_admin_second_step = Zresetowanie logowania dwuetapowego administratora klienta
op-disable_customer_admin = Wyłączenie administratora klienta
op-enable_customer_admin = Włączenie administratora klienta
