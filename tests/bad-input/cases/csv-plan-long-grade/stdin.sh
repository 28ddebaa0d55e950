printf 'id,birth,sex,plan,collective,backpay\n'
printf 'L65,1975-03,,2020-2034:%s2000,,\n' "$(printf %061d 0)"
printf 'L1000,1975-03,,2020-2034:%s2000,,\n' "$(printf %0996d 0)"
printf 'D64,1975-03,,2020-2034:2000.%s1,,\n' "$(printf %058d 0)"
printf 'X64,1975-03,,2020-2034:%s2000x,,\n' "$(printf %059d 0)"
