"""Strings of named accounts and roles: sign-in, the setup link, the accounts page, what viewers see."""

ENTRIES = {
    "acct.role_committee": ("Ban chấp hành", "Committee"),
    "acct.role_counter": ("Kiểm phiếu", "Counter"),
    "acct.role_checkin": ("Điểm danh", "Check-in"),
    "acct.role_viewer": ("Đại biểu (chỉ xem)", "Delegate (view only)"),
    "acct.shared": ("Ban chấp hành (mật khẩu chung)", "Committee (shared password)"),
    "acct.username": ("Tên đăng nhập", "User name"),
    "acct.username_help": ("Để trống nếu đăng nhập bằng mật khẩu chung của Ban chấp hành.",
                           "Leave empty to sign in with the committee's shared password."),
    "acct.password": ("Mật khẩu", "Password"),
    "acct.display_name": ("Họ tên", "Full name"),
    "acct.role": ("Vai trò", "Role"),
    "acct.elections": ("Cuộc bầu cử được giao (vai trò Kiểm phiếu)", "Elections assigned (counter role)"),
    "acct.signed_in_as": ("Đã đăng nhập: {who} · {role}", "Signed in: {who} · {role}"),
    "acct.session_ended": ("Phiên đăng nhập đã kết thúc (mật khẩu, vai trò hoặc trạng thái tài khoản vừa thay "
                           "đổi). Hãy đăng nhập lại.",
                           "Your session has ended (the account's password, role or state changed). "
                           "Please sign in again."),
    "acct.wrong": ("Sai tên đăng nhập hoặc mật khẩu. Hãy đợi {seconds} giây rồi thử lại.",
                   "Wrong user name or password. Wait {seconds} s before trying again."),
    "acct.no_account_yet": ("Chưa có tài khoản nào. Tạo tài khoản Ban chấp hành đầu tiên bằng dòng lệnh "
                            "hoặc bằng liên kết cài đặt dùng một lần in trong nhật ký máy chủ:",
                            "There is no account yet. Create the first committee account from the command "
                            "line, or with the one-time setup link printed in the server log:"),
    "acct.needs_role": ("Phần này chỉ dành cho tài khoản có vai trò phù hợp. Hãy đăng nhập.",
                        "This part is only for an account with the right role. Please sign in."),
    "acct.personal_hidden": ("Danh sách có họ tên, ngày sinh, đảng viên là dữ liệu cá nhân (Luật Bảo vệ dữ liệu "
                             "cá nhân số 91/2025/QH15): chỉ tài khoản được phép mới xem được. Số liệu tổng hợp ở "
                             "trên ai cũng xem được.",
                             "The list with names, birth dates and party membership is personal data (Personal "
                             "Data Protection Law 91/2025/QH15): only an allowed account can see it. The "
                             "aggregate figures above are open to everyone."),
    "acct.attendance_hidden": ("Họ tên người có mặt, vắng mặt chỉ hiện cho Ban chấp hành và người điểm danh.",
                               "The names of those present or absent are shown only to the committee and "
                               "check-in staff."),
    "acct.downloads_hidden": ("Tải dữ liệu có họ tên và tệp gốc của các phiên bản cần tài khoản Ban chấp hành.",
                              "Downloading named data and the versions' original files needs a committee "
                              "account."),
    "acct.setup_heading": ("Tạo tài khoản Ban chấp hành đầu tiên", "Create the first committee account"),
    "acct.setup_create": ("Tạo tài khoản", "Create the account"),
    "acct.setup_done": ("Đã tạo tài khoản {username} và đăng nhập.", "Account {username} created; you are signed in."),
    "acct.setup_log": ("unionboard: chưa có tài khoản nào. Mở liên kết dùng một lần này để tạo tài khoản Ban "
                       "chấp hành đầu tiên: {link}",
                       "unionboard: there is no account yet. Open this one-time link to create the first "
                       "committee account: {link}"),
    "acct.page_title": ("Tài khoản và vai trò", "Accounts and roles"),
    "acct.page_intro": ("Mỗi người một tài khoản: mọi thao tác ghi vào kho đều lưu tên tài khoản. Đổi mật khẩu, "
                        "vai trò hoặc khoá tài khoản sẽ kết thúc các phiên đang mở của tài khoản đó.",
                        "One account per person: every stored action records the account. Changing a password "
                        "or role, or disabling an account, ends that account's open sessions."),
    "acct.col_username": ("Tên đăng nhập", "User name"),
    "acct.col_name": ("Họ tên", "Name"),
    "acct.col_role": ("Vai trò", "Role"),
    "acct.col_state": ("Trạng thái", "State"),
    "acct.col_elections": ("Bầu cử được giao", "Elections assigned"),
    "acct.state_active": ("Đang dùng", "Active"),
    "acct.state_disabled": ("Đã khoá", "Disabled"),
    "acct.add_heading": ("Thêm tài khoản", "Add an account"),
    "acct.add": ("Thêm", "Add"),
    "acct.edit_heading": ("Sửa một tài khoản", "Change an account"),
    "acct.pick": ("Tài khoản", "Account"),
    "acct.new_password": ("Mật khẩu mới", "New password"),
    "acct.reset": ("Đặt lại mật khẩu", "Reset the password"),
    "acct.save_role": ("Lưu vai trò", "Save the role"),
    "acct.disable": ("Khoá tài khoản", "Disable the account"),
    "acct.enable": ("Mở khoá tài khoản", "Enable the account"),
    "acct.done": ("Đã lưu thay đổi của tài khoản {username}.", "Saved the change to account {username}."),
    "acct.log_heading": ("Nhật ký truy cập dữ liệu cá nhân", "Access log of personal data"),
    "acct.col_at": ("Thời gian", "When"),
    "acct.col_account": ("Tài khoản", "Account"),
    "acct.col_action": ("Việc", "Action"),
    "acct.col_what": ("Nội dung", "What"),
    "acct.err_username": ("Tên đăng nhập cần 2–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch, @.",
                          "A user name needs 2–64 characters: lower-case letters, digits, dot, dash, @."),
    "acct.err_role": ("Vai trò không hợp lệ: {role}.", "Unknown role: {role}."),
    "acct.err_short": ("Mật khẩu cần ít nhất {n} ký tự.", "A password needs at least {n} characters."),
    "acct.err_exists": ("Tên đăng nhập {username} đã có.", "User name {username} is already taken."),
    "acct.err_unknown": ("Không có tài khoản {username}.", "There is no account {username}."),
    "acct.err_setup_used": ("Liên kết cài đặt không hợp lệ hoặc đã dùng (đã có tài khoản).",
                            "The setup link is invalid or already used (an account exists)."),
    "acct.err_self": ("Không thể tự khoá hoặc bỏ vai trò Ban chấp hành của chính mình.",
                      "You cannot disable your own account or remove your own committee role."),
    "acct.action_download": ("Tải xuống", "Download"),
    "acct.action_account_add": ("Tạo tài khoản", "Account created"),
    "acct.action_account_password": ("Đổi mật khẩu", "Password changed"),
    "acct.action_account_disable": ("Khoá tài khoản", "Account disabled"),
    "acct.action_account_enable": ("Mở khoá tài khoản", "Account enabled"),
    "acct.action_account_role": ("Đổi vai trò", "Role changed"),
    "acct.action_account_elections": ("Giao bầu cử", "Elections assigned"),
    "acct.absent_hidden": ("Vắng mặt {n} đồng chí (họ tên và lý do chỉ hiện cho Ban chấp hành và người điểm danh).",
                           "Absent: {n} (names and reasons are shown only to the committee and check-in staff)."),
}
