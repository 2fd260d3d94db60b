"""Strings of the number fields the user types in: how the language writes a number."""

ENTRIES = {
    'number_input.format_hint': (
        'Viết số theo kiểu Việt Nam: dấu chấm ngăn hàng nghìn, dấu phẩy trước phần thập phân (15.800.000; 2,5).',
        'Write numbers the English way: commas between thousands, a point before decimals (15,800,000; 2.5).',
    ),
}
