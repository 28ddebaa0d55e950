printf 'id,birth,sex,plan,collective,backpay\n'
printf 'C64,1975-03,,2020-2034:2000,50.%s1,\n' "$(printf %059d 0)"
